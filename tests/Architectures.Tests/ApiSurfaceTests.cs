using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Gen.Architectures.Tests
{
    /// <summary>
    /// Issue 2's rule, "nothing outside torchsharp-api.md is used by the rest of the solution":
    /// Gen.Runtime, Gen.Architectures (whose module code the generator emits at compile time) and gen
    /// must use only the TorchSharp API that docs/torchsharp-api.md lists, so that they also build
    /// against the real TorchSharp package. Gen.Torch (the bridge) has extra public members
    /// (narrow, select, gather, mm, where, ...), so the compiler alone cannot enforce this.
    /// <para>
    /// The scanner reads the compiled assemblies with System.Reflection.Metadata and collects every
    /// type reference, member reference and method specification that resolves into Gen.Torch; each
    /// referenced type name (and its namespace) and member name must occur in the reference as a
    /// whole word. This is a name-level check only: it catches a type or member that TorchSharp does
    /// not have, but it does not check overload signatures (parameter types, counts, names or
    /// defaults), nor member accessibility (e.g. a constructor TorchSharp keeps internal).
    /// Generated code is covered as far as Gen.Architectures exercises the emitter (the seed backbones).
    /// </para>
    /// </summary>
    public class ApiSurfaceTests
    {
        /// <summary>The assemblies built from src/ on top of the bridge (gen is src/Cli).</summary>
        private static readonly string[] Scanned = { "Gen.Runtime.dll", "Gen.Architectures.dll", "gen.dll" };

        [Fact]
        public void ApiSurface_solution_uses_only_the_documented_TorchSharp_api()
        {
            var reference = ApiReference.Load();
            var violations = new List<ApiSurfaceScanner.Use>();
            foreach (var file in Scanned)
            {
                var path = Path.Combine(AppContext.BaseDirectory, file);
                Assert.True(File.Exists(path), $"{path} is missing: the test project references Gen.Architectures and Gen.Cli.");
                var uses = ApiSurfaceScanner.Scan(File.ReadAllBytes(path));
                // A scan that finds nothing proves nothing (e.g. the bridge renamed): each of them does use torch.
                Assert.True(uses.Count > 0, $"{file}: no reference into {ApiSurfaceScanner.BridgeAssembly} found.");
                violations.AddRange(uses.Where(u => !reference.Allows(u)));
            }

            Assert.True(violations.Count == 0,
                $"{violations.Count} use(s) of {ApiSurfaceScanner.BridgeAssembly} API not listed in docs/torchsharp-api.md "
                + "(they would not build against TorchSharp):" + Environment.NewLine
                + string.Join(Environment.NewLine, violations.Select(v => "  " + v)));
        }

        /// <summary>
        /// The scanner itself can fail: in a tiny assembly compiled here, the calls to <c>narrow</c> and
        /// <c>torch.eye</c> (Gen.Torch has them, the reference does not) are reported, and nothing else
        /// (listed members, operators, an indexer, a constructor, a generic base's member).
        /// </summary>
        [Fact]
        public void ApiSurface_scanner_reports_unlisted_members()
        {
            const string source = @"
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

public static class Probe
{
    public static Tensor Listed(Tensor x)
    {
        var l = nn.Linear(3, 4);
        var y = l.call(x.reshape(2, 3)[TensorIndex.Colon, 0..2] + 1);
        return y * new Device(""cpu"").index + x.shape[0] + x.sum().item<float>();
    }

    public static Tensor Unlisted(Tensor x) => x.narrow(0, 0, 1) + torch.eye(3);
}";
            var compilation = CSharpCompilation.Create(
                "ApiSurfaceProbe",
                new[] { CSharpSyntaxTree.ParseText(source) },
                ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
                    .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                    .Select(p => MetadataReference.CreateFromFile(p)),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var image = new MemoryStream();
            var emitted = compilation.Emit(image);
            Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));

            var uses = ApiSurfaceScanner.Scan(image.ToArray());
            var violations = uses.Where(u => !ApiReference.Load().Allows(u)).ToList();

            Assert.Contains(uses, u => u.Member == "reshape");
            Assert.Contains(uses, u => u.Member == "get_TensorItems");
            Assert.Contains(uses, u => u.Member == "op_Addition");
            Assert.Contains(uses, u => u.Member == ".ctor" && u.Type == "TorchSharp.torch+Device");
            Assert.Contains(uses, u => u.Member == "call" && u.Type == "TorchSharp.torch+nn+Module`2"); // through Module<Tensor, Tensor>
            Assert.Contains(uses, u => u.Member == "item"); // through the method specification item<float>
            Assert.Equal(
                new[] { "ApiSurfaceProbe: TorchSharp.torch :: eye", "ApiSurfaceProbe: TorchSharp.torch+Tensor :: narrow" },
                violations.Select(v => v.ToString()).OrderBy(v => v, StringComparer.Ordinal));
        }
    }

    /// <summary>
    /// Collects what an assembly uses from the bridge (assembly <see cref="BridgeAssembly"/>): type
    /// references whose resolution scope is (or is nested in a type of) that assembly, member
    /// references whose parent is such a type (directly, or a generic instantiation of one), and method
    /// specifications of such members.
    /// </summary>
    internal static class ApiSurfaceScanner
    {
        public const string BridgeAssembly = "Gen.Torch";

        /// <summary>One use: <see cref="Member"/> is null for a type reference.</summary>
        internal sealed record Use(string Assembly, string Namespace, string Type, IReadOnlyList<string> TypeChain, string? Member)
        {
            public override string ToString() => $"{Assembly}: {Type}" + (Member is null ? "" : $" :: {Member}");
        }

        public static List<Use> Scan(byte[] image)
        {
            using var pe = new PEReader(ImmutableArray.Create(image));
            var md = pe.GetMetadataReader();
            var assembly = md.GetString(md.GetAssemblyDefinition().Name);
            var uses = new List<Use>();
            var seen = new HashSet<(string, string?)>();

            void Add(TypeReferenceHandle type, string? member)
            {
                var (ns, chain, metadataChain) = Describe(md, type);
                var name = (ns.Length == 0 ? "" : ns + ".") + string.Join("+", metadataChain);
                if (seen.Add((name, member)))
                {
                    uses.Add(new Use(assembly, ns, name, chain, member));
                }
            }

            foreach (var handle in md.TypeReferences)
            {
                if (IsBridge(md, handle))
                {
                    Add(handle, null);
                }
            }

            var specs = new TypeSpecProvider();
            void AddMember(MemberReferenceHandle handle)
            {
                var member = md.GetMemberReference(handle);
                TypeReferenceHandle? parent = member.Parent.Kind switch
                {
                    HandleKind.TypeReference => (TypeReferenceHandle)member.Parent,
                    HandleKind.TypeSpecification => md.GetTypeSpecification((TypeSpecificationHandle)member.Parent).DecodeSignature(specs, md),
                    _ => null, // members of this assembly's own types, vararg call sites, module-level
                };
                if (parent is { } type && IsBridge(md, type))
                {
                    Add(type, md.GetString(member.Name));
                }
            }

            foreach (var handle in md.MemberReferences)
            {
                AddMember(handle);
            }

            foreach (var handle in Enumerable.Range(1, md.GetTableRowCount(TableIndex.MethodSpec)).Select(MetadataTokens.MethodSpecificationHandle))
            {
                var method = md.GetMethodSpecification(handle).Method;
                if (method.Kind == HandleKind.MemberReference)
                {
                    AddMember((MemberReferenceHandle)method);
                }
            }

            return uses;
        }

        private static bool IsBridge(MetadataReader md, TypeReferenceHandle handle)
        {
            var scope = md.GetTypeReference(handle).ResolutionScope;
            return scope.Kind switch
            {
                HandleKind.AssemblyReference => md.GetString(md.GetAssemblyReference((AssemblyReferenceHandle)scope).Name) == BridgeAssembly,
                HandleKind.TypeReference => IsBridge(md, (TypeReferenceHandle)scope),
                _ => false,
            };
        }

        /// <summary>
        /// The namespace of the outermost type, and the names from outermost to innermost: as C# spells
        /// them (generic arity removed) and as metadata does (<c>Module`2</c>, for the report).
        /// </summary>
        private static (string Namespace, IReadOnlyList<string> Chain, IReadOnlyList<string> MetadataChain) Describe(MetadataReader md, TypeReferenceHandle handle)
        {
            var chain = new List<string>();
            var metadataChain = new List<string>();
            var current = handle;
            while (true)
            {
                var type = md.GetTypeReference(current);
                var name = md.GetString(type.Name);
                var tick = name.IndexOf('`');
                chain.Insert(0, tick < 0 ? name : name[..tick]);
                metadataChain.Insert(0, name);
                if (type.ResolutionScope.Kind != HandleKind.TypeReference)
                {
                    return (md.GetString(type.Namespace), chain, metadataChain);
                }

                current = (TypeReferenceHandle)type.ResolutionScope;
            }
        }

        /// <summary>Decodes a type specification to the type reference it instantiates, if any (<c>Module`2&lt;Tensor, Tensor&gt;</c> -> <c>Module`2</c>).</summary>
        private sealed class TypeSpecProvider : ISignatureTypeProvider<TypeReferenceHandle?, object?>
        {
            public TypeReferenceHandle? GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => handle;

            public TypeReferenceHandle? GetGenericInstantiation(TypeReferenceHandle? genericType, ImmutableArray<TypeReferenceHandle?> typeArguments) => genericType;

            public TypeReferenceHandle? GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => null;

            public TypeReferenceHandle? GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
                reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

            // Arrays, pointers and the like of bridge types have only the runtime's own members (Get/Set/Address).
            public TypeReferenceHandle? GetSZArrayType(TypeReferenceHandle? elementType) => null;

            public TypeReferenceHandle? GetArrayType(TypeReferenceHandle? elementType, ArrayShape shape) => null;

            public TypeReferenceHandle? GetByReferenceType(TypeReferenceHandle? elementType) => null;

            public TypeReferenceHandle? GetPointerType(TypeReferenceHandle? elementType) => null;

            public TypeReferenceHandle? GetPinnedType(TypeReferenceHandle? elementType) => null;

            public TypeReferenceHandle? GetModifiedType(TypeReferenceHandle? modifier, TypeReferenceHandle? unmodifiedType, bool isRequired) => unmodifiedType;

            public TypeReferenceHandle? GetFunctionPointerType(MethodSignature<TypeReferenceHandle?> signature) => null;

            public TypeReferenceHandle? GetGenericMethodParameter(object? genericContext, int index) => null;

            public TypeReferenceHandle? GetGenericTypeParameter(object? genericContext, int index) => null;

            public TypeReferenceHandle? GetPrimitiveType(PrimitiveTypeCode typeCode) => null;
        }
    }

    /// <summary>
    /// docs/torchsharp-api.md (copied to the test output), and the name-level rules that decide whether
    /// a <see cref="ApiSurfaceScanner.Use"/> is listed there.
    /// </summary>
    internal sealed class ApiReference
    {
        /// <summary>C#'s operator method names and the operator each stands for in the reference's §9 "Operators" list.</summary>
        private static readonly Dictionary<string, string> Operators = new()
        {
            ["op_Addition"] = "+", ["op_UnaryPlus"] = "+", ["op_Subtraction"] = "-", ["op_UnaryNegation"] = "-",
            ["op_Multiply"] = "*", ["op_Division"] = "/", ["op_Modulus"] = "%",
            ["op_BitwiseAnd"] = "&", ["op_BitwiseOr"] = "|", ["op_ExclusiveOr"] = "^", ["op_OnesComplement"] = "~",
            ["op_LogicalNot"] = "!", ["op_LeftShift"] = "<<", ["op_RightShift"] = ">>",
            ["op_Equality"] = "==", ["op_Inequality"] = "!=",
            ["op_LessThan"] = "<", ["op_LessThanOrEqual"] = "<=", ["op_GreaterThan"] = ">", ["op_GreaterThanOrEqual"] = ">=",
        };

        private static readonly Lazy<ApiReference> Instance = new(() => new ApiReference(File.ReadAllText(DocPath)));

        private readonly string _text;
        private readonly string _operators;
        private readonly ConcurrentDictionary<string, bool> _words = new();

        private ApiReference(string text)
        {
            // The first line is our note on where the copy comes from, not part of the reference.
            _text = text.StartsWith("<!--", StringComparison.Ordinal) ? text[(text.IndexOf('\n') + 1)..] : text;
            var start = _text.IndexOf("**Operators**", StringComparison.Ordinal);
            var end = start < 0 ? -1 : _text.IndexOf("**Indexing**", start, StringComparison.Ordinal);
            if (end < 0)
            {
                throw new InvalidDataException($"{DocPath}: no \"**Operators**\" ... \"**Indexing**\" section (§9) to read the operators from.");
            }

            _operators = _text[start..end];
        }

        public static string DocPath => Path.Combine(AppContext.BaseDirectory, "torchsharp-api.md");

        public static ApiReference Load() => Instance.Value;

        public bool Allows(ApiSurfaceScanner.Use use)
        {
            if (!HasPhrase(use.Namespace) || !use.TypeChain.All(HasWord))
            {
                return false;
            }

            var type = use.TypeChain[^1];
            return use.Member switch
            {
                null => true,
                // A constructor (or a same-named factory, e.g. nn.Conv2d(...) for Modules.Conv2d) is listed.
                ".ctor" => Regex.IsMatch(_text, $@"(?<![A-Za-z0-9_]){Regex.Escape(type)}(<[^>()]*>)?\("),
                // A default-named indexer (TensorAccessor's, ModuleList's): the reference lists it as this[...].
                "get_Item" or "set_Item" => _text.Contains("this[", StringComparison.Ordinal),
                "op_Implicit" => HasWord("implicit"),
                "op_Explicit" => HasWord("explicit") || HasWord("Explicit"),
                var op when Operators.TryGetValue(op, out var symbol) =>
                    Regex.IsMatch(_operators, $@"(?<=[\s`,(]){Regex.Escape(symbol)}(?=[\s`,:)])"),
                var name => HasWord(name) || (Accessor(name) is { } inner && HasWord(inner)),
            };
        }

        /// <summary>
        /// <c>get_X</c>/<c>set_X</c> (properties, and named indexers: <c>get_TensorItems</c> passes because the
        /// reference lists <c>[IndexerName("TensorItems")]</c>) and <c>add_X</c>/<c>remove_X</c> -> X.
        /// The full name is tried first: <c>get_num_threads</c> is a method.
        /// </summary>
        private static string? Accessor(string name)
        {
            foreach (var prefix in new[] { "get_", "set_", "add_", "remove_" })
            {
                if (name.StartsWith(prefix, StringComparison.Ordinal) && name.Length > prefix.Length)
                {
                    return name[prefix.Length..];
                }
            }

            return null;
        }

        private bool HasWord(string word)
        {
            return _words.GetOrAdd(word, w => Regex.IsMatch(_text, $@"(?<![A-Za-z0-9_]){Regex.Escape(w)}(?![A-Za-z0-9_])"));
        }

        /// <summary>A namespace such as <c>TorchSharp.Modules</c>, as a whole dotted name.</summary>
        private bool HasPhrase(string dotted) => dotted.Length > 0 && HasWord(dotted);
    }
}
