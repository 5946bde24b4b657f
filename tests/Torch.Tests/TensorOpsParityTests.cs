using System;
using System.Collections.Generic;
using System.Linq;
using Gen.Torch.Tests.Infrastructure;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace Gen.Torch.Tests
{
    /// <summary>
    /// Forward outputs and input gradients of every Tensor method, torch.* function and
    /// torch.nn.functional function of the bridge against PyTorch 1.13 (tests/fixtures/torch/ops.safetensors),
    /// relative error &lt;= 1e-5. Written the way TorchSharp code is written.
    /// </summary>
    public class TensorOpsParityTests
    {
        private static Tensor[] One(Tensor t) => new[] { t };

        public static readonly Dictionary<string, Func<Tensor[], Tensor[]>> Cases = new()
        {
            // shape and view ops
            ["reshape"] = x => One(x[0].reshape(6, 20)),
            ["view"] = x => One(x[0].view(2, 3, 20)),
            ["flatten"] = x => One(x[0].flatten(1)),
            ["flatten_1_2"] = x => One(x[0].flatten(1, 2)),
            ["permute"] = x => One(x[0].permute(0, 2, 3, 1)),
            ["transpose"] = x => One(x[0].transpose(1, 3)),
            ["contiguous"] = x => One(x[0].transpose(1, 3).contiguous()),
            ["chunk"] = x => x[0].chunk(3, 1),
            ["unsqueeze"] = x => One(x[0].unsqueeze(2)),
            ["squeeze_all"] = x => One(x[0].squeeze()),
            ["squeeze_dim"] = x => One(x[0].squeeze(1)),
            ["expand"] = x => One(x[0].expand(3, 4)),
            ["repeat"] = x => One(x[0].repeat(2, 1, 3)),
            ["gather"] = x => One(x[0].gather(1, x[1])),
            ["index_colon_0"] = x => One(x[0][TensorIndex.Colon, 0]),
            ["index_ellipsis_slice"] = x => One(x[0][TensorIndex.Ellipsis, 1..3]),
            ["index_none"] = x => One(x[0][TensorIndex.Colon, TensorIndex.None]),
            ["index_range_step"] = x => One(x[0][1.., TensorIndex.Slice(step: 2)]),
            // reductions
            ["mean_all"] = x => One(x[0].mean()),
            ["mean_dims_keepdim"] = x => One(x[0].mean(new long[] { 1, 3 }, keepdim: true)),
            ["sum_all"] = x => One(x[0].sum()),
            ["sum_dim"] = x => One(x[0].sum(2)),
            ["abs"] = x => One(x[0].abs()),
            ["max_all"] = x => One(x[0].max()),
            ["max_dim"] = x => { var (values, indexes) = x[0].max(1); return new[] { values, indexes }; },
            ["argmax_all"] = x => One(x[0].argmax()),
            ["argmax_dim"] = x => One(x[0].argmax(1)),
            // arithmetic, operators, in-place forms
            ["add"] = x => One(x[0].add(x[1])),
            ["add_alpha"] = x => One(x[0].add(x[1], 0.5)),
            ["add_scalar"] = x => One(x[0].add(2.5)),
            ["sub"] = x => One(x[0].sub(x[1])),
            ["mul"] = x => One(x[0].mul(x[1])),
            ["div"] = x => One(x[0].div(x[1].abs() + 0.5)),
            ["operators"] = x => { var (a, b) = (x[0], x[1]); return One((a + b) * a - b / 2.0 - 1.0 * a + 3.0); },
            ["inplace"] = x => One(x[0].clone().add_(x[1]).mul_(x[1]).sub_(x[0]).div_(2.0)),
            ["clamp_min"] = x => One(x[0].clamp(0.0)),
            ["clamp_min_max"] = x => One(x[0].clamp(-0.5, 0.5)),
            // activations as Tensor methods
            ["sigmoid"] = x => One(x[0].sigmoid()),
            ["softmax"] = x => One(x[0].softmax(1)),
            ["softmax_last"] = x => One(x[0].softmax(-1)),
            ["relu"] = x => One(x[0].relu()),
            ["gelu"] = x => One(x[0].gelu()),
            ["gelu_tanh"] = x => One(x[0].gelu(GELU.Approximate.tanh)),
            ["silu"] = x => One(x[0].silu()),
            // torch.*
            ["matmul_2d"] = x => One(torch.matmul(x[0], x[1])),
            ["matmul_batched"] = x => One(torch.matmul(x[0], x[1])),
            ["matmul_bmm"] = x => One(x[0].matmul(x[1])),
            ["einsum_bmm"] = x => One(torch.einsum("bij,bjk->bik", x[0], x[1])),
            ["einsum_attention"] = x => One(torch.einsum("bhqd,bhkd->bhqk", x[0], x[1])),
            ["cat"] = x => One(torch.cat(new[] { x[0], x[1] }, 1)),
            ["stack"] = x => One(torch.stack(new[] { x[0], x[1] }, 0)),
            ["stack_dim2"] = x => One(torch.stack(new[] { x[0], x[1] }, dim: 2)),
            ["meshgrid_ij"] = x => torch.meshgrid(new[] { x[0], x[1] }, indexing: "ij"),
            ["meshgrid_xy"] = x => torch.meshgrid(new[] { x[0], x[1] }, indexing: "xy"),
            ["arange_int"] = x => One(torch.arange(0, 10, 2)),
            ["arange_stop"] = x => One(torch.arange(7)),
            ["arange_float"] = x => One(torch.arange(0.0, 1.0, 0.125)),
            // torch.nn.functional
            ["f_relu"] = x => One(nn.functional.relu(x[0])),
            ["f_gelu"] = x => One(nn.functional.gelu(x[0])),
            ["f_silu"] = x => One(nn.functional.silu(x[0])),
            ["f_sigmoid"] = x => One(nn.functional.sigmoid(x[0])),
            ["f_softmax"] = x => One(nn.functional.softmax(x[0], 2)),
            ["f_avg_pool2d"] = x => One(nn.functional.avg_pool2d(x[0], 2)),
            ["f_avg_pool2d_pad_ceil"] = x => One(nn.functional.avg_pool2d(x[0], 3, stride: 2, padding: 1, ceil_mode: true, count_include_pad: false)),
            ["f_avg_pool2d_count_pad"] = x => One(nn.functional.avg_pool2d(x[0], new long[] { 3, 3 }, stride: new long[] { 2, 2 }, padding: new long[] { 1, 1 })),
            ["f_max_pool2d"] = x => One(nn.functional.max_pool2d(x[0], 2)),
            ["f_max_pool2d_pad"] = x => One(nn.functional.max_pool2d(x[0], new long[] { 3, 3 }, strides: new long[] { 2, 2 }, padding: new long[] { 1, 1 })),
            ["f_max_pool2d_ceil"] = x => One(nn.functional.max_pool2d(x[0], 2, stride: 2, ceil_mode: true)),
            ["f_adaptive_avg_pool2d_1"] = x => One(nn.functional.adaptive_avg_pool2d(x[0], 1)),
            ["f_adaptive_avg_pool2d_3"] = x => One(nn.functional.adaptive_avg_pool2d(x[0], (3, 3))),
            ["f_conv2d"] = x => One(nn.functional.conv2d(x[0], x[1], x[2])),
            ["f_conv2d_stride_pad"] = x => One(nn.functional.conv2d(x[0], x[1], x[2], strides: new long[] { 2 }, padding: new long[] { 1 })),
            ["f_conv2d_groups_dilation"] = x => One(nn.functional.conv2d(x[0], x[1], null, padding: new long[] { 2 }, dilation: new long[] { 2 }, groups: 2)),
            ["f_conv2d_depthwise"] = x => One(nn.functional.conv2d(x[0], x[1], padding: new long[] { 1, 1 }, groups: 4)),
            ["f_linear"] = x => One(nn.functional.linear(x[0], x[1], x[2])),
            ["f_linear_nobias"] = x => One(nn.functional.linear(x[0], x[1])),
            ["f_layer_norm"] = x => One(nn.functional.layer_norm(x[0], new long[] { 5 }, x[1], x[2])),
            ["f_layer_norm_2d"] = x => One(nn.functional.layer_norm(x[0], new long[] { 3, 5 }, x[1], x[2], eps: 1e-6)),
            ["f_layer_norm_noaffine"] = x => One(nn.functional.layer_norm(x[0], new long[] { 5 })),
            ["f_batch_norm_train"] = x =>
            {
                var runningMean = torch.zeros(3);
                var runningVar = torch.ones(3);
                var y = nn.functional.batch_norm(x[0], runningMean, runningVar, x[1], x[2], training: true, momentum: 0.1, eps: 1e-5);
                return new[] { y, runningMean, runningVar };
            },
            ["f_batch_norm_eval"] = x => One(nn.functional.batch_norm(x[0], x[1], x[2].abs() + 0.5, x[3], x[4], training: false, eps: 1e-3)),
            ["f_dropout_eval"] = x => One(nn.functional.dropout(x[0], 0.5, training: false)),
            ["f_dropout_p0"] = x => One(nn.functional.dropout(x[0], 0.0, training: true)),
            ["f_cross_entropy"] = x => One(nn.functional.cross_entropy(x[0], x[1])),
            ["f_cross_entropy_sum"] = x => One(nn.functional.cross_entropy(x[0], x[1], reduction: nn.Reduction.Sum)),
            ["f_cross_entropy_smoothing"] = x => One(nn.functional.cross_entropy(x[0], x[1], label_smoothing: 0.1)),
            ["f_cross_entropy_weight_ignore"] = x => One(nn.functional.cross_entropy(x[0], x[1], weight: torch.tensor(new float[] { 0.5f, 1.0f, 1.5f, 2.0f, 0.25f }), ignore_index: 2)),
        };

        public static IEnumerable<object[]> CaseNames => Cases.Keys.Select(k => new object[] { k });

        [Theory]
        [MemberData(nameof(CaseNames))]
        public void Forward_and_input_gradients_match_PyTorch(string name) => ParityCase.Check(Fixtures.Ops, name, Cases[name]);

        [Fact]
        public void Every_fixture_op_case_has_a_CSharp_counterpart_and_back()
        {
            var inFile = Fixtures.Ops.CaseNames.Where(n => n != "f_dropout_seeded").OrderBy(n => n, StringComparer.Ordinal).ToList();
            var here = Cases.Keys.OrderBy(n => n, StringComparer.Ordinal).ToList();
            Assert.Equal(inFile, here);
        }

        [Fact]
        public void Dropout_in_training_mode_draws_the_same_mask_as_PyTorch_from_the_same_seed()
        {
            using var scope = NewDisposeScope();
            var x = Fixtures.Ops["f_dropout_seeded.in0"];
            torch.manual_seed(77);
            var y = nn.functional.dropout(x, 0.3, training: true);
            Close.Assert(y, Fixtures.Ops["f_dropout_seeded.out0"], "dropout(p=0.3) after manual_seed(77)");
        }

        [Fact]
        public void Dropout_in_training_mode_zeroes_about_p_and_scales_the_rest_by_one_over_one_minus_p()
        {
            using var scope = NewDisposeScope();
            var x = torch.ones(100, 100);
            var y = nn.functional.dropout(x, 0.25, training: true);
            var values = Close.Values(y);
            Assert.All(values, v => Assert.True(v == 0 || Math.Abs(v - 1 / 0.75) < 1e-6, $"value {v}"));
            var zeros = values.Count(v => v == 0) / (double)values.Length;
            Assert.InRange(zeros, 0.22, 0.28);
            Assert.Equal(1.0, Close.Values(x).Max());
        }

        [Fact]
        public void Integer_results_have_Int64_dtype_like_PyTorch()
        {
            using var scope = NewDisposeScope();
            Assert.Equal(ScalarType.Int64, torch.arange(0, 10, 2).dtype);
            Assert.Equal(ScalarType.Float32, torch.arange(0.0, 1.0, 0.125).dtype);
            Assert.Equal(ScalarType.Int64, torch.randn(3, 4).argmax(1).dtype);
        }

        [Fact]
        public void Item_and_data_read_values_with_the_matching_CSharp_type()
        {
            using var scope = NewDisposeScope();
            var t = torch.tensor(new float[] { 1.5f, -2f, 3f, 4f }, new long[] { 2, 2 });
            Assert.Equal(-2f, t[0, 1].item<float>());
            Assert.Equal(new[] { 1.5f, -2f, 3f, 4f }, t.data<float>().ToArray());
            Assert.Equal(4L, t.numel());
            Assert.Equal(new long[] { 2, 2 }, t.shape);
            Assert.Equal(2L, t.size(1));
            Assert.Throws<ArgumentException>(() => t.item<float>());
            Assert.ThrowsAny<Exception>(() => t[0, 0].item<double>());
        }

        [Fact]
        public void Index_setter_writes_through_to_the_tensor()
        {
            using var scope = NewDisposeScope();
            var t = torch.zeros(2, 3);
            t[TensorIndex.Colon, 1] = torch.ones(2);
            t[1, 2] = torch.tensor(5f);
            Assert.Equal(new[] { 0f, 1f, 0f, 0f, 1f, 5f }, t.data<float>().ToArray());
        }
    }
}
