using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gen.Bench.Hand
{
    /// <summary>Builds one residual block: (in channels, bottleneck width, stride, projection shortcut or null).</summary>
    internal delegate Module<Tensor, Tensor> BlockFactory(long inplanes, long planes, long stride, Sequential? downsample);

    /// <summary>
    /// The ResNet scaffolding of the hand-written CoTNet, ResNet-NAM and EPSANet, transcribed from
    /// reference_models.py's <c>_ResNetBase</c> in TorchVision's style: <c>conv1</c>, <c>bn1</c>,
    /// <c>relu</c>, <c>maxpool</c> (ResNet stem only), <c>layer1</c>..<c>layer4</c> of blocks with
    /// expansion 4, <c>avgpool</c>, <c>fc</c>. The stem is 7x7/2 conv + BN + ReLU + 3x3/2 max-pool, or
    /// the CIFAR stem (3x3/1 conv + BN + ReLU, no pool). Independent of Gen: no Gen type is used.
    /// </summary>
    internal sealed class ResNetBase : Module<Tensor, Tensor>
    {
        private const long Expansion = 4;

        private readonly Conv2d conv1;
        private readonly BatchNorm2d bn1;
        private readonly ReLU relu;
        private readonly MaxPool2d? maxpool;
        private readonly Sequential layer1;
        private readonly Sequential layer2;
        private readonly Sequential layer3;
        private readonly Sequential layer4;
        private readonly AdaptiveAvgPool2d avgpool;
        private readonly Linear fc;

        private long inplanes;

        public ResNetBase(string name, BlockFactory block, long[] depths, long numClasses, bool cifarStem = false) : base(name)
        {
            inplanes = 64;
            conv1 = cifarStem
                ? Conv2d(3, inplanes, 3, stride: 1, padding: 1, bias: false)
                : Conv2d(3, inplanes, 7, stride: 2, padding: 3, bias: false);
            bn1 = BatchNorm2d(inplanes);
            relu = ReLU();
            maxpool = cifarStem ? null : MaxPool2d(3, stride: 2, padding: 1);
            layer1 = MakeLayer(block, 64, depths[0], 1);
            layer2 = MakeLayer(block, 128, depths[1], 2);
            layer3 = MakeLayer(block, 256, depths[2], 2);
            layer4 = MakeLayer(block, 512, depths[3], 2);
            avgpool = AdaptiveAvgPool2d(1);
            fc = Linear(512 * Expansion, numClasses);
            RegisterComponents();
        }

        private Sequential MakeLayer(BlockFactory block, long planes, long blocks, long stride)
        {
            var layers = new System.Collections.Generic.List<Module<Tensor, Tensor>>();
            for (long i = 0; i < blocks; i++)
            {
                long s = i == 0 ? stride : 1;
                Sequential? downsample = null;
                if (s != 1 || inplanes != planes * Expansion)
                {
                    downsample = Sequential(
                        Conv2d(inplanes, planes * Expansion, 1, stride: s, bias: false),
                        BatchNorm2d(planes * Expansion));
                }

                layers.Add(block(inplanes, planes, s, downsample));
                inplanes = planes * Expansion;
            }

            return Sequential(layers);
        }

        public override Tensor forward(Tensor input)
        {
            using var scope = NewDisposeScope();
            var x = relu.call(bn1.call(conv1.call(input)));
            if (maxpool is not null)
            {
                x = maxpool.call(x);
            }

            x = layer1.call(x);
            x = layer2.call(x);
            x = layer3.call(x);
            x = layer4.call(x);
            x = flatten(avgpool.call(x), 1);
            return fc.call(x).MoveToOuterDisposeScope();
        }
    }
}
