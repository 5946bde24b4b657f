namespace Gen
{
    /// <summary>What follows the last stage.</summary>
    /// <example>
    /// <code>
    /// [Backbone(Classes = 1000, Head = HeadKind.LinearNoBias)] // CoAtNet's classifier
    /// [Backbone(Head = HeadKind.None)]                         // a feature extractor
    /// </code>
    /// </example>
    public enum HeadKind
    {
        /// <summary>Global average pool, flatten, <c>Linear(channels, classes)</c> with bias (key <c>fc</c>).</summary>
        Linear = 0,

        /// <summary>Global average pool, flatten, <c>Linear(channels, classes)</c> without bias (key <c>fc</c>).</summary>
        LinearNoBias = 1,

        /// <summary>No head: <c>forward</c> returns the last stage's feature map.</summary>
        None = 2,
    }
}
