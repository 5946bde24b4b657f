namespace Gen.Generator.Emission
{
    /// <summary>
    /// The names of the members the generated half declares besides its module fields: written once
    /// here, used by the emitter, and checked against the user's half (GEN0033).
    /// </summary>
    internal static class MemberNames
    {
        /// <summary>The trainable parameter count constant.</summary>
        public const string ParameterCount = "ParameterCount";

        /// <summary>The BN running-statistics count constant.</summary>
        public const string RunningStatCount = "RunningStatCount";

        /// <summary>The persistent buffer count constant.</summary>
        public const string BufferCount = "BufferCount";

        /// <summary>The multiply-accumulate count constant.</summary>
        public const string MacCount = "MacCount";

        /// <summary>The forward override.</summary>
        public const string Forward = "forward";

        /// <summary>The per-stage feature method.</summary>
        public const string ForwardFeatures = "ForwardFeatures";

        /// <summary>The state-dict override.</summary>
        public const string StateDict = "state_dict";

        /// <summary>The stem helper.</summary>
        public const string Stem = "Stem";

        /// <summary>The input-shape check.</summary>
        public const string CheckInput = "CheckInput";

        /// <summary>The PyTorch twin's text, declared in the backbone's second generated file.</summary>
        public const string PyTorchTwin = "PyTorchTwin";

        /// <summary>The count constants, declared when the counts are known.</summary>
        public static readonly string[] Counts = { ParameterCount, RunningStatCount, BufferCount, MacCount };

        /// <summary>The methods and the twin, always declared.</summary>
        public static readonly string[] Methods = { Forward, ForwardFeatures, StateDict, Stem, CheckInput, PyTorchTwin };
    }
}
