namespace Gen.Generator
{
    /// <summary>Names of the pipeline steps, for <c>trackIncrementalGeneratorSteps</c> tests and diagnostics.</summary>
    public static class TrackingNames
    {
        /// <summary>Attribute syntax/symbols -> <c>SpecModel</c>.</summary>
        public const string Parse = "Gen.Parse";

        /// <summary><c>SpecModel</c> -> diagnostics + plan.</summary>
        public const string Validate = "Gen.Validate";

        /// <summary>Validation -> diagnostics only.</summary>
        public const string Diagnostics = "Gen.Diagnostics";

        /// <summary>Validation -> plans of valid specs.</summary>
        public const string Plan = "Gen.Plan";

        /// <summary>Plan -> generated source text.</summary>
        public const string Emit = "Gen.Emit";
    }
}
