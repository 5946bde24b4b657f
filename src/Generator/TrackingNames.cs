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

        /// <summary>Validation -> the plan alone (null for an invalid spec): no diagnostics, no locations.</summary>
        public const string Plan = "Gen.Plan";

        /// <summary>A stage, layout or stem attribute on a class without <c>[Backbone]</c> -> its warnings.</summary>
        public const string Orphans = "Gen.Orphans";

        /// <summary>Plan -> generated source text (the source output's only input).</summary>
        public const string Emit = "Gen.Emit";

        /// <summary>Emitted module -> the backbone's catalog entry (none when emission failed).</summary>
        public const string CatalogEntry = "Gen.CatalogEntry";

        /// <summary>Every catalog entry + the assembly's name -> the catalog's input.</summary>
        public const string Catalog = "Gen.Catalog";
    }
}
