using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using TorchSharp.Interop;
using TorchSharp.Modules;

namespace TorchSharp
{
    public static partial class torch
    {
        /// <summary>Neural-network building blocks: modules, their factories, <c>functional</c> and <c>init</c>.</summary>
        public static partial class nn
        {
            /// <summary>
            /// The base of every module: it owns named submodules, parameters and buffers, in registration order.
            /// Gen.Torch keeps modules entirely managed (TorchSharp backs them with a native custom module);
            /// registration, traversal, state dicts, training mode and conversion follow TorchSharp.
            /// </summary>
            public partial class Module : IDisposable
            {
                /// <summary>The module's name (its type's name for the built-ins).</summary>
                protected string? name;

                /// <summary>The device type the module was last moved to.</summary>
                protected DeviceType _deviceType = DeviceType.CPU;

                /// <summary>The device index the module was last moved to.</summary>
                protected int _deviceIndex = -1;

                /// <summary>Registered submodules in registration order.</summary>
                protected Utils.OrderedDict<string, Module> _internal_submodules = new Utils.OrderedDict<string, Module>();

                /// <summary>Registered buffers in registration order; the flag says whether the buffer is persistent.</summary>
                protected Utils.OrderedDict<string, (Tensor, bool)> _internal_buffers = new Utils.OrderedDict<string, (Tensor, bool)>();

                /// <summary>Registered parameters in registration order.</summary>
                protected Utils.OrderedDict<string, Parameter> _internal_params = new Utils.OrderedDict<string, Parameter>();

                private bool _componentsRegistered;
                private bool _isTraining = true;
                private bool _disposed;
                private bool _contentsDisposed;

                /// <summary>A module with the given name.</summary>
                protected Module(string name) => this.name = name;

                /// <summary>The module's name.</summary>
                public virtual string GetName() => name ?? GetType().Name;

                /// <summary>True once the module was disposed.</summary>
                internal bool IsInvalid => _disposed;

                // ---- lifetime --------------------------------------------------------------------------------

                /// <summary>Disposes the module's parameters, buffers and submodules.</summary>
                public void Dispose()
                {
                    _disposed = true;
                    Dispose(true);
                    GC.SuppressFinalize(this);
                }

                /// <summary>
                /// Disposes the module's own buffers and parameters (each detached from its dispose scope first),
                /// then every submodule.
                /// </summary>
                protected virtual void Dispose(bool disposing)
                {
                    if (!disposing || _contentsDisposed) return;
                    _contentsDisposed = true;
                    _disposed = true;
                    foreach (var (_, (buffer, _)) in _internal_buffers.items().ToList())
                    {
                        if (buffer is null) continue;
                        buffer.DetachFromDisposeScope();
                        buffer.Dispose();
                    }
                    foreach (var (_, p) in _internal_params.items().ToList())
                    {
                        if (p is null) continue;
                        p.DetachFromDisposeScope();
                        p.Dispose();
                    }
                    foreach (var (_, m) in named_modules().ToList()) m.Dispose();
                }

                // ---- device and dtype -------------------------------------------------------------------------

                /// <summary>Moves and converts the module to <paramref name="other"/>'s device and dtype.</summary>
                public Module _to(Tensor other, bool non_blocking) => _to(other.device, other.dtype, non_blocking);

                /// <summary>Moves the module to a device and converts its floating-point tensors to a dtype.</summary>
                protected internal virtual Module _to(Device device, ScalarType dtype, bool non_blocking)
                {
                    CheckDevice(device.type);
                    _toEpilog(dtype);
                    return this;
                }

                /// <summary>Moves the module to a device (the bridge has only the CPU).</summary>
                protected internal virtual Module _to(DeviceType deviceType, int deviceIndex, bool non_blocking)
                {
                    CheckDevice(deviceType);
                    if (deviceType == _deviceType && deviceIndex == _deviceIndex) return this;
                    foreach (var (_, child) in named_children()) child._to(deviceType, deviceIndex, non_blocking);
                    _deviceType = deviceType;
                    _deviceIndex = deviceIndex;
                    return this;
                }

                /// <summary>Converts the module's floating-point parameters and buffers to a dtype.</summary>
                protected internal virtual Module _to(ScalarType dtype, bool non_blocking)
                {
                    _toEpilog(dtype);
                    return this;
                }

                private static void CheckDevice(DeviceType deviceType)
                {
                    if (deviceType == DeviceType.CPU) return;
                    if (deviceType == DeviceType.CUDA)
                        throw new InvalidOperationException("CUDA is not available: torch.cuda.is_available() is false (Gen.Torch runs on Debian's CPU-only libtorch).");
                    throw new InvalidOperationException($"device type {deviceType} is not available: Gen.Torch runs on Debian's CPU-only libtorch.");
                }

                private static bool NeedsConversion(Tensor t, ScalarType dtype) =>
                    t.dtype != dtype && (is_floating_point(t.dtype) || is_complex(t.dtype));

                private void _toEpilog(ScalarType dtype)
                {
                    foreach (var (_, child) in named_children()) child._to(dtype, false);

                    foreach (var (key, p) in _internal_params.items().ToList())
                    {
                        if (p is null || p.IsInvalid || !NeedsConversion(p, dtype)) continue;
                        Parameter replacement;
                        using (no_grad())
                        {
                            var converted = p.to_type(dtype);
                            replacement = new Parameter(converted, p.requires_grad);
                            replacement.DetachFromDisposeScope();
                            var g = p.grad;
                            if (g is not null)
                            {
                                var gc = g.to_type(dtype);
                                replacement.grad = gc;
                                gc.Dispose();
                                g.Dispose();
                            }
                        }
                        WriteBack(key, replacement, typeof(Parameter));
                        _internal_params[key] = replacement;
                        p.Dispose();
                    }

                    foreach (var (key, (b, persistent)) in _internal_buffers.items().ToList())
                    {
                        if (!persistent || b is null || b.IsInvalid || !NeedsConversion(b, dtype)) continue;
                        Tensor replacement;
                        using (no_grad())
                        {
                            replacement = b.to_type(dtype);
                            replacement.DetachFromDisposeScope();
                        }
                        WriteBack(key, replacement, typeof(Tensor));
                        _internal_buffers[key] = (replacement, persistent);
                        b.Dispose();
                    }
                }

                // Writes a replaced tensor back to where user code reads it: a public instance property of the
                // same name, otherwise the field whose component name matches.
                private void WriteBack(string key, Tensor value, Type kind)
                {
                    PropertyInfo? prop;
                    try { prop = GetType().GetProperty(key, BindingFlags.Public | BindingFlags.Instance); }
                    catch (AmbiguousMatchException) { prop = null; }
                    if (prop is not null && prop.CanWrite && prop.GetIndexParameters().Length == 0 && prop.PropertyType.IsAssignableFrom(kind))
                    {
                        prop.SetValue(this, value);
                        return;
                    }
                    for (var t = GetType(); t is not null && t != typeof(object); t = t.BaseType)
                    {
                        foreach (var f in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                        {
                            if (f.ComponentName() == key && f.FieldType.IsAssignableFrom(kind))
                            {
                                f.SetValue(this, value);
                                return;
                            }
                        }
                    }
                }

                // ---- training mode -----------------------------------------------------------------------------

                /// <summary>Applies <paramref name="fn"/> to every submodule (recursively) and then to this module.</summary>
                public virtual Module apply(Action<Module> fn)
                {
                    foreach (var (_, m) in named_children()) m.apply(fn);
                    fn(this);
                    return this;
                }

                /// <summary>Sets training mode on this module and all its submodules.</summary>
                public virtual void train(bool train = true)
                {
                    _isTraining = train;
                    foreach (var (_, m) in named_children()) m.train(train);
                }

                /// <summary>Sets evaluation mode: <c>train(false)</c>.</summary>
                public virtual void eval() => train(false);

                /// <summary>True in training mode (the default).</summary>
                public virtual bool training => _isTraining;

                /// <summary>Clears the gradients of all parameters: sets them to null, or zeroes them in place.</summary>
                public virtual void zero_grad(bool set_to_none = true)
                {
                    foreach (var p in parameters())
                    {
                        var g = p.grad;
                        if (g is null) continue;
                        if (set_to_none) p.grad = null;
                        else
                        {
                            Ops.Run("aten::detach_", "", g);
                            Ops.Run("aten::zero_", "", g);
                        }
                        g.Dispose();
                    }
                }

                // ---- traversal ----------------------------------------------------------------------------------

                /// <summary>The persistent buffers of this module (then, with <paramref name="recurse"/>, of its submodules, prefixed).</summary>
                public virtual IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true, bool include_nonpersistent = true)
                {
                    var seen = new HashSet<IntPtr>();
                    foreach (var (n, (b, persistent)) in _internal_buffers)
                    {
                        if (!persistent || b is null) continue;
                        if (!b.IsInvalid && !seen.Add(b.Handle)) continue;
                        yield return (n, b);
                    }
                    if (!recurse) yield break;
                    foreach (var (cn, child) in named_children())
                        foreach (var (n, b) in child.named_buffers(true, include_nonpersistent))
                        {
                            if (!b.IsInvalid && !seen.Add(b.Handle)) continue;
                            yield return ($"{cn}.{n}", b);
                        }
                }

                /// <summary>The persistent buffers.</summary>
                public virtual IEnumerable<Tensor> buffers(bool recurse = true, bool include_nonpersistent = true) =>
                    named_buffers(recurse, include_nonpersistent).Select(b => b.buffer);

                /// <summary>The direct submodules in registration order.</summary>
                public virtual IEnumerable<(string name, Module module)> named_children() =>
                    _internal_submodules.items().Select(kv => (kv.Item1, kv.Item2));

                /// <summary>All submodules: the children first, then each child's submodules, prefixed. Excludes this module.</summary>
                public virtual IEnumerable<(string name, Module module)> named_modules()
                {
                    var children = named_children().ToList();
                    foreach (var c in children) yield return c;
                    foreach (var (cn, child) in children)
                        foreach (var (n, m) in child.named_modules())
                            yield return ($"{cn}.{n}", m);
                }

                /// <summary>All submodules (not this module).</summary>
                public virtual IEnumerable<Module> modules() => named_modules().Select(m => m.module);

                /// <summary>The direct submodules.</summary>
                public virtual IEnumerable<Module> children() => named_children().Select(m => m.module);

                /// <summary>The parameters of this module, then (with <paramref name="recurse"/>) of its submodules, prefixed; each tensor once.</summary>
                public virtual IEnumerable<(string name, Parameter parameter)> named_parameters(bool recurse = true)
                {
                    var seen = new HashSet<IntPtr>();
                    foreach (var (n, p) in _internal_params)
                    {
                        if (p is null) continue;
                        if (!p.IsInvalid && !seen.Add(p.Handle)) continue;
                        yield return (n, p);
                    }
                    if (!recurse) yield break;
                    foreach (var (cn, child) in named_children())
                        foreach (var (n, p) in child.named_parameters(true))
                        {
                            if (!p.IsInvalid && !seen.Add(p.Handle)) continue;
                            yield return ($"{cn}.{n}", p);
                        }
                }

                /// <summary>The parameters of this module and (with <paramref name="recurse"/>) its submodules.</summary>
                public virtual IEnumerable<Parameter> parameters(bool recurse = true) => named_parameters(recurse).Select(p => p.parameter);

                private Module? FindOwner(string target, out string leaf)
                {
                    var parts = target.Split('.');
                    Module? m = this;
                    for (int k = 0; k < parts.Length - 1 && m is not null; k++)
                        m = m.named_children().Where(c => c.name == parts[k]).Select(c => c.module).FirstOrDefault();
                    leaf = parts[parts.Length - 1];
                    return m;
                }

                /// <summary>True when a buffer is registered under the dotted path <paramref name="target"/>.</summary>
                public virtual bool has_buffer(string target) => get_buffer(target) is not null;

                /// <summary>True when a parameter is registered under the dotted path <paramref name="target"/>.</summary>
                public virtual bool has_parameter(string target) => get_parameter(target) is not null;

                /// <summary>The buffer under the dotted path <paramref name="target"/>, or null.</summary>
                public virtual Tensor? get_buffer(string target)
                {
                    var owner = FindOwner(target, out var leaf);
                    return owner is not null && owner._internal_buffers.TryGetValue(leaf, out var b) ? b.Item1 : null;
                }

                /// <summary>The parameter under the dotted path <paramref name="target"/>, or null.</summary>
                public virtual Parameter? get_parameter(string target)
                {
                    var owner = FindOwner(target, out var leaf);
                    return owner is not null && owner._internal_params.TryGetValue(leaf, out var p) ? p : null;
                }

                // ---- state dict -----------------------------------------------------------------------------------

                /// <summary>
                /// The live parameters and persistent buffers by key, in TorchSharp's order: every parameter (recursively,
                /// as <see cref="named_parameters"/> yields them), then every persistent buffer, then whatever the children
                /// add. This differs from PyTorch's order (per module: own parameters, own buffers, then children) when a
                /// module holds buffers; a module that needs PyTorch's order overrides this method.
                /// </summary>
                public virtual Dictionary<string, Tensor> state_dict(Dictionary<string, Tensor>? destination = null, string? prefix = null)
                {
                    destination ??= new Dictionary<string, Tensor>();
                    foreach (var (n, p) in named_parameters()) destination.TryAdd(Join(prefix, n), p);
                    foreach (var (n, b) in named_buffers(include_nonpersistent: false)) destination.TryAdd(Join(prefix, n), b);
                    foreach (var (cn, child) in named_children()) child.state_dict(destination, Join(prefix, cn));
                    return destination;
                }

                private static string Join(string? prefix, string name) => string.IsNullOrEmpty(prefix) ? name : $"{prefix}.{name}";

                private static string Shape(long[] shape) => "[" + string.Join(", ", shape) + "]";

                /// <summary>
                /// Copies tensors from <paramref name="source"/> into the module's parameters and buffers. Every key and
                /// shape is checked before anything is copied, so a failed load changes no weight. In strict mode a
                /// missing or unexpected key throws <see cref="InvalidOperationException"/>; a shape mismatch always does.
                /// </summary>
                public virtual (IList<string> missing_keys, IList<string> unexpected_keyes) load_state_dict(Dictionary<string, Tensor> source, bool strict = true, IList<string>? skip = null)
                {
                    var sd = state_dict();
                    var skipped = new HashSet<string>(skip ?? Array.Empty<string>());
                    IList<string> missing = sd.Keys.Where(k => !skipped.Contains(k) && !source.ContainsKey(k)).ToList();
                    IList<string> unexpected = source.Keys.Where(k => !skipped.Contains(k) && !sd.ContainsKey(k)).ToList();
                    if (strict && (missing.Count > 0 || unexpected.Count > 0))
                    {
                        var parts = new List<string>();
                        if (missing.Count > 0) parts.Add("missing key(s): " + string.Join(", ", missing.Select(k => $"\"{k}\"")));
                        if (unexpected.Count > 0) parts.Add("unexpected key(s): " + string.Join(", ", unexpected.Select(k => $"\"{k}\"")));
                        throw new InvalidOperationException($"Error(s) in loading state_dict for {GetName()}: " + string.Join("; ", parts) + ".");
                    }
                    var toCopy = new List<(Tensor dst, Tensor src)>();
                    var mismatches = new List<string>();
                    foreach (var (key, dst) in sd)
                    {
                        if (skipped.Contains(key) || !source.TryGetValue(key, out var src)) continue;
                        if (src is null || src.IsInvalid) { mismatches.Add($"\"{key}\": the source tensor is null or disposed"); continue; }
                        var ds = dst.shape;
                        var ss = src.shape;
                        if (!ds.SequenceEqual(ss))
                            mismatches.Add($"size mismatch for {key}: copying a tensor with shape {Shape(ss)} from the state dict, the shape in the current model is {Shape(ds)}");
                        else toCopy.Add((dst, src));
                    }
                    if (mismatches.Count > 0)
                        throw new InvalidOperationException($"Error(s) in loading state_dict for {GetName()}: " + string.Join("; ", mismatches) + ".");
                    using (no_grad())
                    {
                        foreach (var (dst, src) in toCopy) dst.copy_(src);
                    }
                    return (missing, unexpected);
                }

                // ---- registration ---------------------------------------------------------------------------------

                private static void CheckName(string name, string what)
                {
                    if (name is null) throw new ArgumentNullException(nameof(name));
                    if (name.Length == 0) throw new ArgumentException($"{what} name can't be empty string \"\"");
                    if (name.Contains('.')) throw new ArgumentException($"{what} name can't contain \".\", got: {name}");
                }

                /// <summary>Registers a buffer: a tensor saved in the state dict (when persistent) but not trained.</summary>
                public virtual void register_buffer(string name, Tensor tensor, bool persistent = true)
                {
                    if (tensor is null || tensor.IsInvalid) throw new ArgumentNullException(nameof(tensor), "A null or disposed tensor cannot be registered as a buffer.");
                    CheckName(name, "buffer");
                    if (_internal_buffers.ContainsKey(name)) throw new InvalidOperationException($"Tensor {name} is already registered.");
                    _internal_buffers.Add(name, (tensor, persistent));
                }

                /// <summary>Registers a parameter.</summary>
                public virtual void register_parameter(string name, Parameter param)
                {
                    if (param is null || param.IsInvalid) throw new ArgumentNullException(nameof(param), "A null or disposed tensor cannot be registered as a parameter.");
                    CheckName(name, "parameter");
                    if (_internal_params.ContainsKey(name)) throw new InvalidOperationException($"Parameter {name} is already registered.");
                    _internal_params.Add(name, param);
                }

                /// <summary>Registers a submodule: <see cref="register_module(string, Module)"/>.</summary>
                public void add_module(string name, Module module) => register_module(name, module);

                /// <summary>
                /// Registers a submodule (and runs its <see cref="RegisterComponents"/>). A null or disposed module removes
                /// any submodule registered under <paramref name="name"/>.
                /// </summary>
                public virtual void register_module(string name, Module submodule)
                {
                    if (submodule is null || submodule.IsInvalid)
                    {
                        _internal_submodules.Remove(name);
                        return;
                    }
                    CheckName(name, "module");
                    if (_internal_submodules.ContainsKey(name)) throw new InvalidOperationException($"Sub-module {name} is already registered.");
                    submodule.RegisterComponents();
                    _internal_submodules.Add(name, submodule);
                }

                /// <summary>Adds a submodule without running its <see cref="RegisterComponents"/> (containers).</summary>
                internal void AddChildNoRegistration(string name, Module submodule)
                {
                    CheckName(name, "module");
                    if (_internal_submodules.ContainsKey(name)) throw new InvalidOperationException($"Sub-module {name} is already registered.");
                    _internal_submodules.Add(name, submodule);
                }

                /// <summary>
                /// Registers, once per instance, every field holding a module, parameter or tensor (buffer), walking the
                /// runtime type and then its base types. A field's key is its <see cref="Utils.ComponentNameAttribute"/>
                /// name or its own name; keys already registered are left alone.
                /// </summary>
                protected virtual void RegisterComponents()
                {
                    if (_componentsRegistered) return;
                    _componentsRegistered = true;
                    var seen = new HashSet<string>();
                    for (var t = GetType(); t is not null && t != typeof(object); t = t.BaseType)
                    {
                        foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                        {
                            if (!seen.Add(field.Name)) continue;
                            var key = field.ComponentName();
                            if (_internal_submodules.ContainsKey(key) || _internal_params.ContainsKey(key) || _internal_buffers.ContainsKey(key)) continue;
                            switch (field.GetValue(this))
                            {
                                case Module m:
                                    register_module(key, m);
                                    break;
                                case Parameter p:
                                    register_parameter(key, p);
                                    break;
                                case Tensor tensor:
                                    register_buffer(key, tensor);
                                    break;
                            }
                        }
                    }
                }

                /// <summary>Registers, replaces or (for null) removes a parameter; a plain tensor becomes a parameter.</summary>
                protected void ConditionallyRegisterParameter(string name, Tensor value)
                {
                    if (value is null) ConditionallyRegisterParameter(name, (Parameter?)null);
                    else ConditionallyRegisterParameter(name, value as Parameter ?? new Parameter(value));
                }

                /// <summary>Registers, replaces or (for null) removes a parameter.</summary>
                protected void ConditionallyRegisterParameter(string name, Parameter? value)
                {
                    if (value is null) _internal_params.Remove(name);
                    else if (_internal_params.ContainsKey(name)) _internal_params[name] = value;
                    else register_parameter(name, value);
                }

                /// <summary>Registers, replaces or (for null) removes a buffer.</summary>
                protected void ConditionallyRegisterBuffer(string name, Tensor? value, bool persistent = true)
                {
                    if (value is null) _internal_buffers.Remove(name);
                    else if (_internal_buffers.ContainsKey(name)) _internal_buffers[name] = (value, persistent);
                    else register_buffer(name, value, persistent);
                }

                /// <summary>Forgets every registered submodule.</summary>
                protected void ClearModules() => _internal_submodules.Clear();
            }

            /// <summary>A module with one input.</summary>
            public interface IModule<T, TResult>
            {
                /// <summary>Runs the module (with its hooks).</summary>
                public TResult call(T input1);
            }

            /// <summary>A module with two inputs.</summary>
            public interface IModule<T1, T2, TResult>
            {
                /// <summary>Runs the module (with its hooks).</summary>
                public TResult call(T1 input1, T2 input2);
            }

            /// <summary>A module with forward hooks.</summary>
            public class HookableModule<TPreHook, TPostHook> : Module
            {
                /// <summary>A module with the given name.</summary>
                protected HookableModule(string name) : base(name) { }

                /// <summary>Typed pre-hooks.</summary>
                protected Dictionary<string, TPreHook> pre_hooks = new Dictionary<string, TPreHook>();
                /// <summary>Typed post-hooks.</summary>
                protected Dictionary<string, TPostHook> post_hooks = new Dictionary<string, TPostHook>();
                /// <summary>Untyped pre-hooks.</summary>
                protected Dictionary<string, Action<Module>> module_pre_hooks = new Dictionary<string, Action<Module>>();
                /// <summary>Untyped post-hooks.</summary>
                protected Dictionary<string, Action<Module>> module_post_hooks = new Dictionary<string, Action<Module>>();

                /// <summary>Adds a hook run after <c>forward</c>; a non-null result replaces the output.</summary>
                public HookRemover register_forward_hook(TPostHook hook)
                {
                    var key = Guid.NewGuid().ToString();
                    post_hooks[key] = hook;
                    return new HookRemover(this, key);
                }

                /// <summary>Adds a hook run before <c>forward</c>; a non-null result replaces the input.</summary>
                public HookRemover register_forward_pre_hook(TPreHook hook)
                {
                    var key = Guid.NewGuid().ToString();
                    pre_hooks[key] = hook;
                    return new HookRemover(this, key);
                }

                /// <summary>Adds an untyped hook run after <c>forward</c>.</summary>
                public HookRemover register_forward_hook(Action<Module> hook)
                {
                    var key = Guid.NewGuid().ToString();
                    module_post_hooks[key] = hook;
                    return new HookRemover(this, key);
                }

                /// <summary>Adds an untyped hook run before <c>forward</c>.</summary>
                public HookRemover register_forward_pre_hook(Action<Module> hook)
                {
                    var key = Guid.NewGuid().ToString();
                    module_pre_hooks[key] = hook;
                    return new HookRemover(this, key);
                }

                private void remove(string key)
                {
                    pre_hooks.Remove(key);
                    post_hooks.Remove(key);
                    module_pre_hooks.Remove(key);
                    module_post_hooks.Remove(key);
                }

                /// <summary>Removes one registered hook.</summary>
                public class HookRemover
                {
                    private readonly HookableModule<TPreHook, TPostHook> module;
                    private readonly string key;

                    /// <summary>A remover for the hook registered under <paramref name="key"/>.</summary>
                    public HookRemover(HookableModule<TPreHook, TPostHook> module, string key)
                    {
                        this.module = module;
                        this.key = key;
                    }

                    /// <summary>Removes the hook.</summary>
                    public void remove() => module.remove(key);
                }
            }

            /// <summary>A module with one input; <see cref="call"/> runs the hooks around <see cref="forward"/>.</summary>
            public abstract class Module<T, TResult> : HookableModule<Func<Module<T, TResult>, T, T>, Func<Module<T, TResult>, T, TResult, TResult>>, IModule<T, TResult>
            {
                /// <summary>A module with the given name.</summary>
                protected Module(string name) : base(name) { }

                /// <summary>TorchSharp's constructor over a native module; the bridge's modules are managed, so the handles are ignored.</summary>
                protected Module(IntPtr handle, IntPtr boxedHandle) : base(string.Empty) { }

                /// <summary>The module's computation.</summary>
                public abstract TResult forward(T input);

                /// <summary>Runs the pre-hooks, <see cref="forward"/> and the post-hooks.</summary>
                public TResult call(T input)
                {
                    foreach (var hook in module_pre_hooks.Values.ToList()) hook(this);
                    foreach (var hook in pre_hooks.Values.ToList())
                    {
                        var modified = hook(this, input);
                        if (modified is not null) input = modified;
                    }
                    var result = forward(input);
                    foreach (var hook in post_hooks.Values.ToList())
                    {
                        var modified = hook(this, input, result);
                        if (modified is not null) result = modified;
                    }
                    foreach (var hook in module_post_hooks.Values.ToList()) hook(this);
                    return result;
                }
            }

            /// <summary>A module with two inputs; <see cref="call"/> runs the hooks around <see cref="forward"/>.</summary>
            public abstract class Module<T1, T2, TResult> : HookableModule<Func<Module<T1, T2, TResult>, T1, T2, (T1, T2)?>, Func<Module<T1, T2, TResult>, T1, T2, TResult, TResult>>, IModule<T1, T2, TResult>
            {
                /// <summary>A module with the given name.</summary>
                protected Module(string name) : base(name) { }

                /// <summary>The module's computation.</summary>
                public abstract TResult forward(T1 input1, T2 input2);

                /// <summary>Runs the pre-hooks, <see cref="forward"/> and the post-hooks.</summary>
                public TResult call(T1 input1, T2 input2)
                {
                    foreach (var hook in module_pre_hooks.Values.ToList()) hook(this);
                    foreach (var hook in pre_hooks.Values.ToList())
                    {
                        var modified = hook(this, input1, input2);
                        if (modified.HasValue) (input1, input2) = modified.Value;
                    }
                    var result = forward(input1, input2);
                    foreach (var hook in post_hooks.Values.ToList())
                    {
                        var modified = hook(this, input1, input2, result);
                        if (modified is not null) result = modified;
                    }
                    foreach (var hook in module_post_hooks.Values.ToList()) hook(this);
                    return result;
                }
            }
        }
    }
}

namespace TorchSharp.Modules
{
    /// <summary>Marks modules without parameters or buffers.</summary>
    public interface IParameterLessModule { }

    /// <summary>A one-input module without parameters or buffers (activations, pooling, dropout, shape).</summary>
    public abstract class ParameterLessModule<T1, TResult> : torch.nn.Module<T1, TResult>, IParameterLessModule
    {
        /// <summary>A module with the given name.</summary>
        protected ParameterLessModule(string name) : base(name) { }

        /// <inheritdoc/>
        protected internal override torch.nn.Module _to(torch.Device device, torch.ScalarType dtype, bool non_blocking) => this;
        /// <inheritdoc/>
        protected internal override torch.nn.Module _to(DeviceType deviceType, int deviceIndex, bool non_blocking) => this;
        /// <inheritdoc/>
        protected internal override torch.nn.Module _to(torch.ScalarType dtype, bool non_blocking) => this;

        /// <summary>Always throws: the module has no buffers.</summary>
        public override void register_buffer(string name, torch.Tensor tensor, bool persistent = true) =>
            throw new InvalidOperationException($"{GetType().Name} is a parameter-less module; it cannot have buffers.");

        /// <summary>Always throws: the module has no parameters.</summary>
        public override void register_parameter(string name, Parameter param) =>
            throw new InvalidOperationException($"{GetType().Name} is a parameter-less module; it cannot have parameters.");

        /// <summary>Registers a parameter-less submodule.</summary>
        public override void register_module(string name, torch.nn.Module submodule)
        {
            if (submodule is not null && submodule is not IParameterLessModule)
                throw new InvalidOperationException($"{GetType().Name} is a parameter-less module; its submodules must be parameter-less too.");
            base.register_module(name, submodule!);
        }
    }

    /// <summary>A two-input module without parameters or buffers.</summary>
    public abstract class ParameterLessModule<T1, T2, TResult> : torch.nn.Module<T1, T2, TResult>, IParameterLessModule
    {
        /// <summary>A module with the given name.</summary>
        protected ParameterLessModule(string name) : base(name) { }

        /// <inheritdoc/>
        protected internal override torch.nn.Module _to(torch.Device device, torch.ScalarType dtype, bool non_blocking) => this;
        /// <inheritdoc/>
        protected internal override torch.nn.Module _to(DeviceType deviceType, int deviceIndex, bool non_blocking) => this;
        /// <inheritdoc/>
        protected internal override torch.nn.Module _to(torch.ScalarType dtype, bool non_blocking) => this;

        /// <summary>Always throws: the module has no buffers.</summary>
        public override void register_buffer(string name, torch.Tensor tensor, bool persistent = true) =>
            throw new InvalidOperationException($"{GetType().Name} is a parameter-less module; it cannot have buffers.");

        /// <summary>Always throws: the module has no parameters.</summary>
        public override void register_parameter(string name, Parameter param) =>
            throw new InvalidOperationException($"{GetType().Name} is a parameter-less module; it cannot have parameters.");
    }
}
