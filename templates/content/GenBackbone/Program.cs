using System;
using GenTemplateProject;
using TorchSharp;

using var model = new MyBackbone();
model.eval();
using var output = model.call(torch.randn(2, 3, 32, 32));
Console.WriteLine($"MyBackbone: {MyBackbone.ParameterCount:N0} parameters, {MyBackbone.MacCount:N0} MACs, output [{string.Join(", ", output.shape)}]");
