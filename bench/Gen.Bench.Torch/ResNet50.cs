using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gen.Bench.Torch
{
    /// <summary>torchvision's Bottleneck (v1.5: stride on the 3x3), same state-dict names.</summary>
    internal sealed class Bottleneck : Module<Tensor, Tensor>
    {
        private readonly Conv2d conv1, conv2, conv3;
        private readonly BatchNorm2d bn1, bn2, bn3;
        private readonly ReLU relu;
        private readonly Sequential? downsample;

        public Bottleneck(long inplanes, long planes, long stride, Sequential? downsample) : base(nameof(Bottleneck))
        {
            conv1 = Conv2d(inplanes, planes, 1, bias: false);
            bn1 = BatchNorm2d(planes);
            conv2 = Conv2d(planes, planes, 3, stride: stride, padding: 1, bias: false);
            bn2 = BatchNorm2d(planes);
            conv3 = Conv2d(planes, planes * 4, 1, bias: false);
            bn3 = BatchNorm2d(planes * 4);
            relu = ReLU(inplace: true);
            this.downsample = downsample;
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            var o = relu.call(bn1.call(conv1.call(x)));
            o = relu.call(bn2.call(conv2.call(o)));
            o = bn3.call(conv3.call(o));
            var identity = downsample is null ? x : downsample.call(x);
            return relu.call(o + identity).MoveToOuterDisposeScope();
        }
    }

    /// <summary>torchvision's ResNet-50 built from the bridge's modules.</summary>
    internal sealed class ResNet50 : Module<Tensor, Tensor>
    {
        private readonly Conv2d conv1;
        private readonly BatchNorm2d bn1;
        private readonly ReLU relu;
        private readonly MaxPool2d maxpool;
        private readonly Sequential layer1, layer2, layer3, layer4;
        private readonly AdaptiveAvgPool2d avgpool;
        private readonly Linear fc;
        private long inplanes = 64;

        public ResNet50(long classes = 1000) : base(nameof(ResNet50))
        {
            conv1 = Conv2d(3, 64, 7, stride: 2, padding: 3, bias: false);
            bn1 = BatchNorm2d(64);
            relu = ReLU(inplace: true);
            maxpool = MaxPool2d(3, stride: 2, padding: 1);
            layer1 = MakeLayer(64, 3, 1);
            layer2 = MakeLayer(128, 4, 2);
            layer3 = MakeLayer(256, 6, 2);
            layer4 = MakeLayer(512, 3, 2);
            avgpool = AdaptiveAvgPool2d(1);
            fc = Linear(2048, classes);
            RegisterComponents();
        }

        private Sequential MakeLayer(long planes, int blocks, long stride)
        {
            Sequential? downsample = null;
            if (stride != 1 || inplanes != planes * 4)
                downsample = Sequential(Conv2d(inplanes, planes * 4, 1, stride: stride, bias: false), BatchNorm2d(planes * 4));
            var layers = new System.Collections.Generic.List<Module<Tensor, Tensor>> { new Bottleneck(inplanes, planes, stride, downsample) };
            inplanes = planes * 4;
            for (int i = 1; i < blocks; i++) layers.Add(new Bottleneck(inplanes, planes, 1, null));
            return Sequential(layers);
        }

        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            var h = maxpool.call(relu.call(bn1.call(conv1.call(x))));
            h = layer4.call(layer3.call(layer2.call(layer1.call(h))));
            return fc.call(avgpool.call(h).flatten(1)).MoveToOuterDisposeScope();
        }
    }
}
