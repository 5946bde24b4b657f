namespace Gen.Generator.Parsing
{
    /// <summary>Metadata names of the spec attributes in Gen.Runtime (namespace <c>Gen</c>).</summary>
    internal static class AttributeNames
    {
        /// <summary>The namespace of every spec attribute.</summary>
        public const string Namespace = "Gen";

        /// <summary><c>Gen.BackboneAttribute</c>, the generator's trigger.</summary>
        public const string Backbone = "Gen.BackboneAttribute";

        /// <summary>Simple name of <c>[Stage]</c>.</summary>
        public const string Stage = "StageAttribute";

        /// <summary>Simple name of <c>[Layout]</c>.</summary>
        public const string Layout = "LayoutAttribute";

        /// <summary>Simple name of <c>[ResNetStem]</c>.</summary>
        public const string ResNetStem = "ResNetStemAttribute";

        /// <summary>Simple name of <c>[CifarStem]</c>.</summary>
        public const string CifarStem = "CifarStemAttribute";

        /// <summary>Simple name of <c>[ConvStem]</c>.</summary>
        public const string ConvStem = "ConvStemAttribute";

        /// <summary>Simple name of <c>[Backbone]</c>.</summary>
        public const string BackboneSimple = "BackboneAttribute";
    }
}
