using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using Xunit;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Gen.Torch.Tests
{
    /// <summary>A nested module exercising every naming rule of RegisterComponents.</summary>
    internal sealed class NamingBlock : Module<Tensor, Tensor>
    {
        public Parameter scale;                                       // own parameter: "scale"
        private Tensor offset;                                        // plain Tensor field: persistent buffer "offset"
        private readonly Conv2d conv1;                                // "conv1"
        private readonly BatchNorm2d _bn;                             // leading underscore kept: "_bn"
        [ComponentName(Name = "proj")] private readonly Linear projection;   // renamed: "proj"
        private readonly List<Linear> ignoredList = new() { Linear(2, 2) };  // collections are not registered
        private Tensor? lateBuffer = null;                            // null: not registered

        public NamingBlock(long c) : base(nameof(NamingBlock))
        {
            scale = Parameter(torch.ones(c));
            offset = torch.zeros(c);
            conv1 = Conv2d(c, c, 3, padding: 1, bias: false);
            _bn = BatchNorm2d(c);
            projection = Linear(c, c);
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var y = _bn.call(conv1.call(x)) * scale.view(1, -1, 1, 1) + offset.view(1, -1, 1, 1);
            return projection.call(y.mean(new long[] { 2, 3 })).view(x.shape[0], -1, 1, 1) + y;
        }

        public int IgnoredCount => ignoredList.Count + (lateBuffer is null ? 0 : 1);
    }

    internal sealed class NamingNet : Module<Tensor, Tensor>
    {
        public Parameter gamma;
        private readonly Sequential stem;
        private readonly Sequential named;
        private readonly ModuleList<NamingBlock> blocks;
        private readonly ModuleDict<Module<Tensor, Tensor>> heads;

        public NamingNet() : base(nameof(NamingNet))
        {
            gamma = Parameter(torch.ones(1));
            stem = Sequential(Conv2d(3, 4, 3, padding: 1, bias: false), BatchNorm2d(4), ReLU());
            named = Sequential(("squeeze", Conv2d(4, 4, 1)), ("act", ReLU()));
            blocks = ModuleList(new NamingBlock(4), new NamingBlock(4));
            heads = ModuleDict<Module<Tensor, Tensor>>(("cls", Linear(4, 2)), ("aux", Linear(4, 3, hasBias: false)));
            register_buffer("extra", torch.zeros(2));                       // explicit name, before the fields
            register_buffer("scratch", torch.zeros(2), persistent: false);  // never in state_dict
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var y = named.call(stem.call(x));
            foreach (var b in blocks) y = b.call(y);
            var pooled = y.mean(new long[] { 2, 3 });
            return heads["cls"].call(pooled) * gamma;
        }
    }

    /// <summary>state_dict keys and order follow TorchSharp's rules (torchsharp-api.md §3.3, §3.4, §14).</summary>
    public class StateDictTests
    {
        private static readonly string[] BlockParameters = { "scale", "conv1.weight", "_bn.weight", "_bn.bias", "proj.weight", "proj.bias" };
        private static readonly string[] BlockBuffers = { "offset", "_bn.running_mean", "_bn.running_var", "_bn.num_batches_tracked" };

        private static IEnumerable<string> Prefixed(string prefix, IEnumerable<string> keys) => keys.Select(k => prefix + k);

        // named_parameters / named_buffers: own entries in registration order, then each child's (recursively).
        private static readonly string[] ExpectedParameters =
            new[] { "gamma", "stem.0.weight", "stem.1.weight", "stem.1.bias", "named.squeeze.weight", "named.squeeze.bias" }
            .Concat(Prefixed("blocks.0.", BlockParameters)).Concat(Prefixed("blocks.1.", BlockParameters))
            .Concat(new[] { "heads.cls.weight", "heads.cls.bias", "heads.aux.weight" }).ToArray();

        private static readonly string[] ExpectedBuffers =
            new[] { "extra", "stem.1.running_mean", "stem.1.running_var", "stem.1.num_batches_tracked" }
            .Concat(Prefixed("blocks.0.", BlockBuffers)).Concat(Prefixed("blocks.1.", BlockBuffers)).ToArray();

        [Fact]
        public void Named_parameters_follow_field_names_ComponentName_and_container_indices_in_registration_order()
        {
            using var net = new NamingNet();
            Assert.Equal(ExpectedParameters, net.named_parameters().Select(p => p.name).ToArray());
            Assert.Equal(ExpectedParameters.Length, net.parameters().Count());
        }

        [Fact]
        public void Named_buffers_hold_persistent_buffers_and_BatchNorm_statistics_in_order()
        {
            using var net = new NamingNet();
            Assert.Equal(ExpectedBuffers, net.named_buffers(include_nonpersistent: false).Select(b => b.name).ToArray());
        }

        [Fact]
        public void State_dict_holds_every_parameter_and_persistent_buffer_under_its_dotted_name()
        {
            using var net = new NamingNet();
            var keys = net.state_dict().Keys.ToList();
            Assert.Equal(ExpectedParameters.Concat(ExpectedBuffers).OrderBy(k => k, StringComparer.Ordinal),
                         keys.OrderBy(k => k, StringComparer.Ordinal));
            Assert.DoesNotContain("scratch", keys);
            Assert.DoesNotContain(keys, k => k.Contains("ignoredList") || k.Contains("lateBuffer") || k.Contains("k__BackingField"));
        }

        [Fact]
        public void BatchNorm_state_dict_is_weight_bias_running_mean_running_var_num_batches_tracked()
        {
            using var bn = BatchNorm2d(3);
            Assert.Equal(new[] { "weight", "bias", "running_mean", "running_var", "num_batches_tracked" }, bn.state_dict().Keys.ToArray());
            Assert.Equal(ScalarType.Int64, bn.state_dict()["num_batches_tracked"].dtype);
            Assert.Empty(bn.state_dict()["num_batches_tracked"].shape);
        }

        /// <summary>
        /// TorchSharp's Module.state_dict adds named_parameters() (recursive), then named_buffers() (recursive), then
        /// recurses into the children, whose entries are already there (TryAdd): so every parameter comes before every
        /// buffer. This is NOT PyTorch's per-module interleaving (own params, own buffers, then children). Save writes in
        /// this order, so a file byte-identical to real TorchSharp's needs it.
        /// </summary>
        [Fact]
        public void State_dict_order_is_TorchSharps_all_parameters_then_all_buffers()
        {
            using var net = new NamingNet();
            Assert.Equal(ExpectedParameters.Concat(ExpectedBuffers).ToArray(), net.state_dict().Keys.ToArray());
        }

        [Fact]
        public void State_dict_values_are_the_live_tensors()
        {
            using var lin = Linear(2, 2);
            var sd = lin.state_dict();
            using (no_grad()) sd["weight"].fill_(3.0);
            Assert.All(lin.weight.data<float>().ToArray(), v => Assert.Equal(3f, v));
        }

        [Fact]
        public void Named_children_and_modules_list_the_registered_submodules()
        {
            using var net = new NamingNet();
            Assert.Equal(new[] { "stem", "named", "blocks", "heads" }, net.named_children().Select(c => c.name).ToArray());
            var modules = net.named_modules().Select(m => m.name).ToList();
            Assert.DoesNotContain("", modules);
            Assert.Contains("blocks.1._bn", modules);
            Assert.Contains("heads.aux", modules);
            Assert.Contains("named.squeeze", modules);
        }

        [Fact]
        public void Registration_rejects_duplicate_and_dotted_names()
        {
            using var lin = Linear(2, 2);
            lin.register_buffer("extra", torch.zeros(1));
            Assert.Throws<InvalidOperationException>(() => lin.register_buffer("extra", torch.zeros(1)));
            Assert.Throws<InvalidOperationException>(() => lin.register_parameter("weight", Parameter(torch.zeros(1))));
            using var seq = Sequential();
            Assert.Throws<ArgumentException>(() => seq.register_module("a.b", Linear(1, 1)));
        }

        [Fact]
        public void Module_without_RegisterComponents_has_no_parameters()
        {
            using var m = new Unregistered();
            Assert.Empty(m.parameters());
            Assert.Empty(m.state_dict());
        }

        private sealed class Unregistered : Module<Tensor, Tensor>
        {
            private readonly Linear inner = Linear(2, 2);
            public Unregistered() : base(nameof(Unregistered)) { }
            public override Tensor forward(Tensor x) => inner.call(x);
        }
    }
}
