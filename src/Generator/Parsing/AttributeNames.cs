namespace Gen.Generator.Parsing
{
    /// <summary>Names of the spec attributes in Gen.Spec (namespace <c>Gen</c>), taken from the types themselves.</summary>
    internal static class AttributeNames
    {
        /// <summary>The namespace of every spec attribute.</summary>
        public const string Namespace = nameof(Gen);

        /// <summary><c>Gen.BackboneAttribute</c>, the generator's trigger.</summary>
        public const string Backbone = Namespace + "." + nameof(BackboneAttribute);

        /// <summary>The metadata names of the attributes that mean something only beside <c>[Backbone]</c>.</summary>
        public static readonly string[] Companions =
        {
            Namespace + "." + nameof(StageAttribute),
            Namespace + "." + nameof(LayoutAttribute),
            Namespace + "." + nameof(ResNetStemAttribute),
            Namespace + "." + nameof(CifarStemAttribute),
            Namespace + "." + nameof(ConvStemAttribute),
        };
    }
}
