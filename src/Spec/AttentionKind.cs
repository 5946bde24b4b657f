namespace Gen
{
    /// <summary>
    /// An attention add-on applied at the end of every block's residual branch, after its last
    /// batch norm and before the residual addition.
    /// </summary>
    /// <example>
    /// <code>
    /// [Backbone(Attention = AttentionKind.Nam)]                               // NAM after every block
    /// [Stage(BlockKind.Bottleneck, Depth = 3, Width = 256, Attention = AttentionKind.None)] // ...but not here
    /// </code>
    /// </example>
    public enum AttentionKind
    {
        /// <summary>No add-on.</summary>
        None = 0,

        /// <summary>
        /// Normalization-based channel attention (seed 002): <c>x' = BN(x) * |gamma| / sum|gamma|</c>,
        /// <c>out = sigmoid(x') * x</c>; state-dict key <c>nam.Channel_Att.bn2</c>. The gradient flows
        /// through the channel weight <c>|gamma| / sum|gamma|</c>, as in the seed post.
        /// </summary>
        Nam = 1,

        /// <summary>
        /// Squeeze-and-excitation with reduction 16 (1x1 convolutions with bias);
        /// state-dict keys <c>se.fc1</c> and <c>se.fc2</c>.
        /// </summary>
        SE = 2,

        /// <summary>
        /// NAM as the official repository (Christian-lyc/NAM) computes it: the channel weight is taken
        /// from <c>bn2.weight.data</c>, detached from autograd. Same outputs and state dict as
        /// <see cref="Nam"/>; the gradient of the NAM scale differs (it comes through the batch norm only).
        /// </summary>
        NamDetached = 3,
    }
}
