using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace Gen.Torch.Tests
{
    /// <summary>
    /// TorchSharp's exact signatures (shared/torchsharp-api.md) where the compiler would not notice a difference in
    /// the rest of the tests: default values, parameter names only used positionally, return tuple element names.
    /// Reference-type nullability is ignored; value-type nullability (long? vs long) is part of the type.
    /// </summary>
    public class ApiSignatureTests
    {
        private static readonly Dictionary<Type, string> Keywords = new()
        {
            [typeof(long)] = "long", [typeof(int)] = "int", [typeof(double)] = "double", [typeof(float)] = "float",
            [typeof(bool)] = "bool", [typeof(string)] = "string", [typeof(object)] = "object", [typeof(void)] = "void",
            [typeof(sbyte)] = "sbyte", [typeof(byte)] = "byte", [typeof(short)] = "short",
        };

        internal static string TypeName(Type t)
        {
            if (t.IsByRef) return TypeName(t.GetElementType()!);
            if (Keywords.TryGetValue(t, out var k)) return k;
            if (Nullable.GetUnderlyingType(t) is { } u) return TypeName(u) + "?";
            if (t.IsArray) return TypeName(t.GetElementType()!) + "[]";
            if (t.IsGenericType && t.FullName?.StartsWith("System.ValueTuple`", StringComparison.Ordinal) == true)
                return "(" + string.Join(", ", t.GetGenericArguments().Select(TypeName)) + ")";
            if (t.IsGenericType)
                return t.Name.Substring(0, t.Name.IndexOf('`')) + "<" + string.Join(", ", t.GetGenericArguments().Select(TypeName)) + ">";
            return t.Name;
        }

        private static string DefaultValue(ParameterInfo p)
        {
            var v = p.DefaultValue;
            if (v is null) return "null";
            var type = Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType;
            if (type.IsEnum) return $"{type.Name}.{Enum.ToObject(type, v)}";
            return v switch
            {
                bool b => b ? "true" : "false",
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                float f => f.ToString("R", CultureInfo.InvariantCulture),
                string s => "\"" + s + "\"",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => v.ToString() ?? "?",
            };
        }

        internal static string Signature(MethodBase m) =>
            m.Name + "(" + string.Join(", ", m.GetParameters().Select(p =>
                (p.IsDefined(typeof(ParamArrayAttribute)) ? "params " : "") + TypeName(p.ParameterType) + " " + p.Name +
                (p.HasDefaultValue ? " = " + DefaultValue(p) : ""))) + ")";

        private static void AssertHas(Type type, params string[] expected)
        {
            var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance);
            var missing = new List<string>();
            foreach (var sig in expected)
            {
                var name = sig.Substring(0, sig.IndexOf('('));
                var overloads = methods.Where(m => m.Name == name).Select(Signature).Distinct().ToList();
                if (!overloads.Contains(sig))
                    missing.Add($"{TypeName(type)}.{sig}\n    has: {(overloads.Count == 0 ? "(no such method)" : string.Join("\n         ", overloads))}");
            }
            Assert.True(missing.Count == 0, "signatures differ from TorchSharp's:\n" + string.Join("\n", missing));
        }

        [Fact]
        public void Module_factories_have_TorchSharps_parameter_names_and_defaults() => AssertHas(typeof(torch.nn),
            "Linear(long inputSize, long outputSize, bool hasBias = true, Device device = null, ScalarType? dtype = null)",
            "Conv2d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0, long dilation = 1, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device device = null, ScalarType? dtype = null)",
            "Conv2d(long in_channels, long out_channels, (long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null, (long, long)? dilation = null, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device device = null, ScalarType? dtype = null)",
            "BatchNorm2d(long num_features, double eps = 1E-05, double momentum = 0.1, bool affine = true, bool track_running_stats = true, Device device = null, ScalarType? dtype = null)",
            "LayerNorm(long normalized_shape, double eps = 1E-05, bool elementwise_affine = true, bool bias = true, Device device = null, ScalarType? dtype = null)",
            "LayerNorm(long[] normalized_shape, double eps = 1E-05, bool elementwise_affine = true, bool bias = true, Device device = null, ScalarType? dtype = null)",
            "ReLU(bool inplace = false)",
            "GELU()",
            "GELU(bool inplace)",
            "GELU(Approximate approximate, bool inplace = false)",
            "SiLU()",
            "SiLU(bool inplace)",
            "Sigmoid()",
            "Softmax(long dim)",
            "Dropout(double p = 0.5, bool inplace = false)",
            "MaxPool2d(long kernel_size, long? stride = null, long? padding = null, long? dilation = null, bool ceil_mode = false)",
            "MaxPool2d((long, long) kernel_size, (long, long)? stride = null, (long, long)? padding = null, (long, long)? dilation = null, bool ceil_mode = false)",
            "AvgPool2d(long kernel_size, long? stride = null, long? padding = null, bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null)",
            "AdaptiveAvgPool2d(long output_size)",
            "AdaptiveAvgPool2d((long, long) output_size)",
            "Identity()",
            "Flatten(long start_dim = 1, long end_dim = -1)",
            "Sequential(params Module<Tensor, Tensor>[] modules)",
            "Sequential(params (string, Module<Tensor, Tensor>)[] modules)",
            "ModuleList(params Module[] modules)",
            "Parameter(Tensor data, bool requires_grad = true)");

        [Fact]
        public void Functional_has_TorchSharps_parameter_names_and_defaults() => AssertHas(typeof(torch.nn.functional),
            "relu(Tensor x, bool inplace = false)",
            "gelu(Tensor x)",
            "gelu(Tensor x, Approximate approximate, bool inplace = false)",
            "silu(Tensor x, bool inplace = false)",
            "sigmoid(Tensor x)",
            "softmax(Tensor input, long dim, ScalarType? dtype = null)",
            "avg_pool2d(Tensor input, long kernel_size, long? stride = null, long padding = 0, bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null)",
            "avg_pool2d(Tensor input, long[] kernel_size, long[] stride = null, long[] padding = null, bool ceil_mode = false, bool count_include_pad = true, long? divisor_override = null)",
            "max_pool2d(Tensor input, long[] kernel_size, long[] strides = null, long[] padding = null, long[] dilation = null, bool ceil_mode = false)",
            "max_pool2d(Tensor input, long kernel_size, long? stride = null, long? padding = null, long? dilation = null, bool ceil_mode = false)",
            "adaptive_avg_pool2d(Tensor input, long output_size)",
            "conv2d(Tensor input, Tensor weight, Tensor bias = null, long[] strides = null, long[] padding = null, long[] dilation = null, long groups = 1)",
            "linear(Tensor input, Tensor weights, Tensor bias = null)",
            "layer_norm(Tensor input, long[] normalized_shape, Tensor weight = null, Tensor bias = null, double eps = 1E-05)",
            "batch_norm(Tensor input, Tensor running_mean, Tensor running_var, Tensor weight = null, Tensor bias = null, bool training = false, double momentum = 0.1, double eps = 1E-05)",
            "dropout(Tensor input, double p = 0.5, bool training = true, bool inplace = false)",
            "cross_entropy(Tensor input, Tensor target, Tensor weight = null, long ignore_index = -100, Reduction reduction = Reduction.Mean, double label_smoothing = 0)");

        [Fact]
        public void Init_has_TorchSharps_parameter_names_and_defaults() => AssertHas(typeof(torch.nn.init),
            "kaiming_uniform_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn, NonlinearityType nonlinearity = NonlinearityType.LeakyReLU)",
            "kaiming_normal_(Tensor tensor, double a = 0, FanInOut mode = FanInOut.FanIn, NonlinearityType nonlinearity = NonlinearityType.LeakyReLU)",
            "trunc_normal_(Tensor tensor, double mean = 0, double std = 1, double a = -2, double b = 2, Generator generator = null)",
            "normal_(Tensor tensor, double mean = 0, double std = 1, Generator generator = null)",
            "uniform_(Tensor tensor, double low = 0, double high = 1, Generator generator = null)",
            "zeros_(Tensor tensor)",
            "ones_(Tensor tensor)",
            "constant_(Tensor tensor, Scalar val)");

        [Fact]
        public void Optimizers_and_schedulers_have_TorchSharps_parameter_names_and_defaults()
        {
            AssertHas(typeof(torch.optim),
                "SGD(IEnumerable<Parameter> parameters, double learningRate, double momentum = 0, double dampening = 0, double weight_decay = 0, bool nesterov = false, bool maximize = false)",
                "AdamW(IEnumerable<Parameter> parameters, double lr = 0.001, double beta1 = 0.9, double beta2 = 0.999, double eps = 1E-08, double weight_decay = 0, bool amsgrad = false, bool maximize = false)");
            AssertHas(typeof(torch.optim.lr_scheduler),
                "CosineAnnealingLR(Optimizer optimizer, double T_max, double eta_min = 0, int last_epoch = -1, bool verbose = false)",
                "LinearLR(Optimizer optimizer, double start_factor = 0.3333333333333333, double end_factor = 1, int total_iters = 5, int last_epoch = -1, bool verbose = false)",
                "SequentialLR(Optimizer optimizer, IEnumerable<LRScheduler> schedulers, IEnumerable<int> milestones, int last_epoch = -1)");
            AssertHas(typeof(SGD), "step(Func<Tensor> closure = null)");
        }

        [Fact]
        public void Torch_functions_have_TorchSharps_parameter_names_and_defaults() => AssertHas(typeof(torch),
            "zeros(long rows, long columns, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null)",
            "zeros(long[] size, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null)",
            "randn(long[] size, ScalarType? dtype = null, Device device = null, bool requires_grad = false, Generator generator = null, string[] names = null)",
            "cat(IList<Tensor> tensors, long dim = 0)",
            "stack(IEnumerable<Tensor> tensors, long dim = 0)",
            "einsum(string equation, params Tensor[] tensors)",
            "matmul(Tensor input, Tensor target)",
            "softmax(Tensor input, int dim, ScalarType? dtype = null)",
            "meshgrid(IEnumerable<Tensor> tensors, string indexing = \"ij\")",
            "arange(Scalar start, Scalar stop, Scalar step, ScalarType? dtype = null, Device device = null, bool requires_grad = false)",
            "arange(Scalar stop, ScalarType? dtype = null, Device device = null, bool requires_grad = false)",
            "tensor(float[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device device = null, bool requires_grad = false, string[] names = null)",
            "tensor(float scalar, Device device = null, bool requires_grad = false)",
            "manual_seed(long seed)",
            "set_num_threads(int num)",
            "no_grad()",
            "enable_grad(bool enabled = true)",
            "set_grad_enabled(bool mode = true)",
            "inference_mode(bool mode = true)",
            "NewDisposeScope()");

        [Fact]
        public void Tensor_methods_have_TorchSharps_parameter_names_and_defaults() => AssertHas(typeof(Tensor),
            "clamp(Scalar min = null, Scalar max = null)",
            "clamp(Tensor min = null, Tensor max = null)",
            "mean()",
            "mean(long[] dimensions, bool keepdim = false, ScalarType? type = null)",
            "sum(long dim, bool keepdim = false, ScalarType? type = null)",
            "argmax(long dim, bool keepdim = false)",
            "max(long dim, bool keepdim = false)",
            "flatten(long start_dim = 0, long end_dim = -1)",
            "squeeze(long? dim = null)",
            "unsqueeze(long dim)",
            "softmax(long dim, ScalarType? dtype = null)",
            "reshape(params long[] shape)",
            "view(params long[] shape)",
            "permute(params long[] permutation)",
            "expand(params long[] sizes)",
            "repeat(params long[] sizes)",
            "transpose(long dim0, long dim1)",
            "chunk(long chunks, long dim = 0)",
            "gather(long dim, Tensor index)",
            "to(ScalarType type, Device device, bool copy = false, bool disposeAfter = false, bool non_blocking = false)",
            "to(Device device, bool copy = false, bool disposeAfter = false, bool non_blocking = false)",
            "backward(IList<Tensor> grad_tensors = null, bool retain_graph = false, bool create_graph = false, IList<Tensor> inputs = null)",
            "add(Tensor target, Scalar alpha)",
            "div(Tensor target, RoundingMode rounding_mode = RoundingMode.None)",
            "copy_(Tensor source, bool nonBlocking = false)",
            "requires_grad_(bool requires_grad = true)",
            "allclose(Tensor target, double rtol = 1E-05, double atol = 1E-08, bool equal_nan = false)");

        [Fact]
        public void Module_members_have_TorchSharps_parameter_names_defaults_and_return_types()
        {
            AssertHas(typeof(torch.nn.Module),
                "state_dict(Dictionary<string, Tensor> destination = null, string prefix = null)",
                "load_state_dict(Dictionary<string, Tensor> source, bool strict = true, IList<string> skip = null)",
                "save(string location, IList<string> skip = null)",
                "load(string location, bool strict = true, IList<string> skip = null, Dictionary<string, bool> loadedParameters = null)",
                "register_buffer(string name, Tensor tensor, bool persistent = true)",
                "register_parameter(string name, Parameter param)",
                "register_module(string name, Module submodule)",
                "train(bool train = true)",
                "eval()",
                "named_buffers(bool recurse = true, bool include_nonpersistent = true)",
                "named_parameters(bool recurse = true)",
                "parameters(bool recurse = true)",
                "zero_grad(bool set_to_none = true)");

            var m = typeof(torch.nn.Module);
            Assert.Equal(typeof(void), m.GetMethod("train")!.ReturnType);
            Assert.Equal(typeof(void), m.GetMethod("eval")!.ReturnType);
            Assert.Equal(new[] { "missing_keys", "unexpected_keyes" }, TupleNames(m.GetMethod("load_state_dict")!.ReturnParameter));
            Assert.Equal(new[] { "name", "parameter" }, TupleNames(m.GetMethod("named_parameters")!.ReturnParameter));
            Assert.Equal(new[] { "name", "buffer" }, TupleNames(m.GetMethod("named_buffers")!.ReturnParameter));
            Assert.Equal(new[] { "name", "module" }, TupleNames(m.GetMethod("named_children")!.ReturnParameter));
            Assert.Equal(typeof(Tensor), typeof(Parameter).BaseType);
            Assert.True(typeof(Conv2d).IsSealed && typeof(Linear).IsSealed && typeof(BatchNorm2d).IsSealed);
            Assert.False(typeof(Sequential).IsSealed);
        }

        private static string?[] TupleNames(ParameterInfo p) =>
            p.GetCustomAttribute<TupleElementNamesAttribute>()?.TransformNames.ToArray() ?? Array.Empty<string?>();

        [Fact]
        public void Named_arguments_bind_the_way_TorchSharp_users_write_them()
        {
            // compiles only with TorchSharp's parameter names; the values prove which overload bound
            using var lin = torch.nn.Linear(4, 3, hasBias: false);
            Assert.Null(lin.bias);
            using var conv = torch.nn.Conv2d(3, 8, 3, stride: 1, padding: 1, bias: false);
            Assert.Null(conv.bias);
            var sgd = torch.optim.SGD(lin.parameters(), learningRate: 0.1, momentum: 0.9, nesterov: true, weight_decay: 1e-4);
            Assert.Equal(0.1, sgd.ParamGroups.First().LearningRate);
            Assert.Equal(0.9, ((optim.IMomentum)sgd).Momentum);
            using var scope = NewDisposeScope();
            var x = torch.arange(6, dtype: ScalarType.Float32).reshape(2, 3);
            Assert.Equal(new[] { 0f, 3f }, x[TensorIndex.Colon, 0].data<float>().ToArray());
            Assert.Equal(new[] { 0f, 3f }, x[.., 0].data<float>().ToArray());
            Assert.Equal(new[] { 2f, 5f }, x[TensorIndex.Ellipsis, ^1].data<float>().ToArray());
            Assert.Equal(new long[] { 1, 2, 3 }, x[TensorIndex.None].shape);
            var y = (x - 2.5f).clamp(0.0);   // the Scalar overload, not clamp(Tensor)
            Assert.Equal(new[] { 0f, 0f, 0f, 0.5f, 1.5f, 2.5f }, y.data<float>().ToArray());
            var same = x.clone();
            Assert.Equal(ScalarType.Bool, (x == same).dtype);
            Assert.True(x.Equals(x.clone()));
        }
    }
}
