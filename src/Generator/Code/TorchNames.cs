namespace Gen.Generator.Code
{
    /// <summary>
    /// The TorchSharp names the emitted code uses, each written from <c>global::</c> so that no type of
    /// the user's (a <c>Linear</c>, <c>Sequential</c>, <c>Tensor</c> or <c>Module</c> in the backbone's
    /// namespace, or the backbone itself) can capture it. The emitted file has no using directives.
    /// </summary>
    internal static class TorchNames
    {
        /// <summary><c>torch.Tensor</c>.</summary>
        public const string Tensor = "global::TorchSharp.torch.Tensor";

        /// <summary>The base class of every backbone: <c>torch.nn.Module&lt;Tensor, Tensor&gt;</c>.</summary>
        public const string Module = "global::TorchSharp.torch.nn.Module<" + Tensor + ", " + Tensor + ">";

        /// <summary>A new dispose scope, <c>torch.NewDisposeScope()</c>.</summary>
        public const string NewDisposeScope = "global::TorchSharp.torch.NewDisposeScope()";

        /// <summary>The module type <paramref name="name"/> (<c>TorchSharp.Modules.Conv2d</c>...), for a field declaration.</summary>
        public static string ModuleType(string name) => "global::TorchSharp.Modules." + name;

        /// <summary>A call of the <c>torch.nn</c> factory that <paramref name="call"/> starts with (<c>Conv2d(3, 64, 7)</c>...).</summary>
        public static string Nn(string call) => "global::TorchSharp.torch.nn." + call;
    }
}
