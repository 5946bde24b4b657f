using System.Collections.Generic;
using Gen.Generator.Blocks;
using Gen.Generator.Code;
using Gen.Generator.Diagnostics;
using Gen.Generator.Model;

namespace Gen.Generator.Stems
{
    /// <summary>
    /// One stem attribute, in one place: how it is read, its rules, its plan (output size and
    /// stride), its fields and forward lines, its description, its counts, and the naming scheme it
    /// gives the whole model (torchvision's <c>layerN</c> and <c>avgpool</c>, or CoAtNet's <c>sN</c>
    /// and <c>pool</c>), so that state dicts match the reference models.
    /// </summary>
    internal abstract class StemDefinition
    {
        /// <summary>The kind this definition describes.</summary>
        public abstract StemKind Kind { get; }

        /// <summary>The attribute's simple metadata name (<c>ResNetStemAttribute</c>...).</summary>
        public abstract string AttributeName { get; }

        /// <summary>The attribute's channels when the spec gives none, or null when they are required.</summary>
        public abstract int? DefaultChannels { get; }

        /// <summary>Its name in the class summary (<c>ResNet stem</c>...).</summary>
        public abstract string Summary { get; }

        /// <summary>The prefix of every stage's field and state-dict name (<c>layer</c> or <c>s</c>).</summary>
        public abstract string StagePrefix { get; }

        /// <summary>The head's pooling field name (<c>avgpool</c> or <c>pool</c>).</summary>
        public abstract string PoolName { get; }

        /// <summary>The lines of the generated <c>Stem(input)</c> method's body.</summary>
        public abstract IReadOnlyList<string> ForwardLines { get; }

        /// <summary>The field and state-dict name of stage <paramref name="number"/>.</summary>
        public string StageName(int number) => StagePrefix + number;

        /// <summary>Reports what is wrong with the stem's own options beyond its channels (nothing unless the stem has such options).</summary>
        public virtual void Check(StemSpec stem, Reporter reporter)
        {
        }

        /// <summary>The stem resolved for <paramref name="image"/>.</summary>
        public abstract StemPlan Plan(StemSpec stem, ImageSpec image);

        /// <summary>The stem's fields in call order.</summary>
        public abstract IReadOnlyList<Field> Fields(StemPlan stem);

        /// <summary>The lines of the PyTorch twin's <c>stem(self, input)</c> method (the counterpart of <see cref="ForwardLines"/>).</summary>
        public abstract IReadOnlyList<string> PythonForwardLines { get; }

        /// <summary>The PyTorch twin's stem modules in call order (the counterpart of <see cref="Fields"/>).</summary>
        public abstract IReadOnlyList<Code.PythonField> PythonFields(StemPlan stem);

        /// <summary>The stem's row in the shape table.</summary>
        public abstract string Describe(StemPlan stem);

        /// <summary>What the stem holds.</summary>
        public abstract Counts Count(StemPlan stem);
    }
}
