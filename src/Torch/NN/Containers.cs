using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TorchSharp.Modules
{
    /// <summary>
    /// Runs modules in order, each on the previous one's output, disposing the intermediate results. Items are
    /// named "0", "1", ... unless given names; their own <c>RegisterComponents()</c> is not called.
    /// </summary>
    public class Sequential : nn.Module<Tensor, Tensor>
    {
        private readonly List<nn.IModule<Tensor, Tensor>> _modules = new List<nn.IModule<Tensor, Tensor>>();
        private readonly List<string> _names = new List<string>();

        internal Sequential() : base(nameof(Sequential)) { }

        /// <summary>A sequence of named modules.</summary>
        protected Sequential(params (string name, nn.Module<Tensor, Tensor> submodule)[] modules) : base(nameof(Sequential))
        {
            foreach (var (n, m) in modules) Add(n, m);
        }

        /// <summary>A sequence of modules named "0", "1", ...</summary>
        protected Sequential(params nn.Module<Tensor, Tensor>[] modules) : base(nameof(Sequential))
        {
            foreach (var m in modules) Add(_modules.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), m);
        }

        internal void Add(string name, nn.IModule<Tensor, Tensor> module)
        {
            if (module is null) throw new ArgumentNullException(nameof(module));
            if (module is nn.Module m) AddChildNoRegistration(name, m);
            _modules.Add(module);
            _names.Add(name);
        }

        /// <summary>Appends a named module.</summary>
        public Sequential append(string name, nn.IModule<Tensor, Tensor> module)
        {
            Add(name, module);
            return this;
        }

        /// <summary>Appends a module named by its position.</summary>
        public Sequential append(nn.IModule<Tensor, Tensor> module) =>
            append(_modules.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), module);

        /// <summary>The number of modules.</summary>
        public int Count => _modules.Count;

        /// <summary>The module at a position.</summary>
        [IndexerName("SequentialItems")]
        public nn.IModule<Tensor, Tensor> this[int index] => _modules[index];

        /// <summary>A new Sequential over a slice of the modules (shared, with their names).</summary>
        [IndexerName("SequentialItems")]
        public Sequential this[(int? start, int? end) index]
        {
            get
            {
                var start = index.start ?? 0;
                var end = index.end ?? _modules.Count;
                if (start < 0) start += _modules.Count;
                if (end < 0) end += _modules.Count;
                var result = new Sequential();
                for (int k = start; k < end; k++) result.Add(_names[k], _modules[k]);
                return result;
            }
        }

        /// <summary>A new Sequential over a slice of the modules (shared, with their names).</summary>
        [IndexerName("SequentialItems")]
        public Sequential this[Range index]
        {
            get
            {
                var (offset, length) = index.GetOffsetAndLength(_modules.Count);
                return this[(offset, offset + length)];
            }
        }

        /// <summary>Runs the modules in order, disposing intermediate results.</summary>
        public override Tensor forward(Tensor tensor)
        {
            if (_modules.Count == 0) return tensor.alias();
            var result = _modules[0].call(tensor);
            for (int k = 1; k < _modules.Count; k++)
            {
                var next = _modules[k].call(result);
                if (!ReferenceEquals(next, result) && !ReferenceEquals(result, tensor)) result.Dispose();
                result = next;
            }
            return result;
        }

        /// <summary>The persistent buffers of the items (a Sequential has none of its own).</summary>
        public override IEnumerable<(string name, Tensor buffer)> named_buffers(bool recurse = true, bool include_persistent = true) =>
            base.named_buffers(recurse, include_persistent);

        /// <summary>Sets training mode on every item.</summary>
        public override void train(bool on = true) => base.train(on);

        /// <summary>Disposes the items, then the rest.</summary>
        protected override void Dispose(bool disposing)
        {
            if (disposing) foreach (var m in _modules) (m as IDisposable)?.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>A list of modules registered as "0", "1", ... when the list itself is registered.</summary>
    public class ModuleList<T> : nn.Module, IList<T> where T : nn.Module
    {
        private readonly List<T> _list = new List<T>();
        private bool _registered;

        /// <summary>A list holding <paramref name="modules"/>.</summary>
        public ModuleList(params T[] modules) : base(nameof(ModuleList<T>))
        {
            if (modules is not null) _list.AddRange(modules);
        }

        /// <summary>Registers the items (once): "0", "1", ...</summary>
        protected override void RegisterComponents()
        {
            if (_registered) return;
            _registered = true;
            for (int i = 0; i < _list.Count; i++) register_module(i.ToString(System.Globalization.CultureInfo.InvariantCulture), _list[i]);
        }

        /// <summary>The item at a position.</summary>
        public T this[int index]
        {
            get => _list[index];
            set => _list[index] = value;
        }

        /// <summary>The number of items.</summary>
        public int Count => _list.Count;

        /// <summary>Always false.</summary>
        public bool IsReadOnly => false;

        /// <summary>Appends an item.</summary>
        public void Add(T item) => _list.Add(item);

        /// <summary>Appends items.</summary>
        public void append(params T[] modules)
        {
            if (modules is not null) _list.AddRange(modules);
        }

        /// <summary>Appends items.</summary>
        public void extend(IEnumerable<T> modules) => _list.AddRange(modules);

        /// <summary>Removes every item.</summary>
        public void Clear() => _list.Clear();

        /// <summary>True when the item is present.</summary>
        public bool Contains(T item) => _list.Contains(item);

        /// <summary>Copies the items into an array.</summary>
        public void CopyTo(T[] array, int arrayIndex) => _list.CopyTo(array, arrayIndex);

        /// <summary>Enumerates the items.</summary>
        public IEnumerator<T> GetEnumerator() => _list.GetEnumerator();

        /// <summary>The position of an item, or -1.</summary>
        public int IndexOf(T item) => _list.IndexOf(item);

        /// <summary>Inserts an item.</summary>
        public void Insert(int index, T item) => _list.Insert(index, item);

        /// <summary>Removes an item.</summary>
        public bool Remove(T item) => _list.Remove(item);

        /// <summary>Removes the item at a position.</summary>
        public void RemoveAt(int index) => _list.RemoveAt(index);

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>A dictionary of modules registered under their keys when the dictionary itself is registered.</summary>
    public class ModuleDict<T> : nn.Module, IDictionary<string, T>, IList<(string, T)> where T : nn.Module
    {
        private readonly List<(string, T)> _list = new List<(string, T)>();
        private readonly Dictionary<string, T> _dict = new Dictionary<string, T>();
        private bool _registered;

        /// <summary>An empty dictionary.</summary>
        public ModuleDict() : base(nameof(ModuleDict<T>)) { }

        /// <summary>Registers the items (once) under their keys.</summary>
        protected override void RegisterComponents()
        {
            if (_registered) return;
            _registered = true;
            foreach (var (k, m) in _list) register_module(k, m);
        }

        /// <summary>Removes every item.</summary>
        public void Clear()
        {
            _list.Clear();
            _dict.Clear();
        }

        /// <summary>The keys in insertion order.</summary>
        public IEnumerable<string> keys() => _list.Select(kv => kv.Item1);

        /// <summary>The entries in insertion order.</summary>
        public IEnumerable<(string, T)> items() => _list;

        /// <summary>The modules in insertion order.</summary>
        public IEnumerable<T> values() => _list.Select(kv => kv.Item2);

        /// <summary>The entry at a position.</summary>
        public (string, T) this[int index]
        {
            get => _list[index];
            set
            {
                var old = _list[index];
                _dict.Remove(old.Item1);
                _dict[value.Item1] = value.Item2;
                _list[index] = value;
            }
        }

        /// <summary>The module under a key.</summary>
        public T this[string key]
        {
            get => _dict[key];
            set
            {
                if (_dict.ContainsKey(key))
                {
                    _dict[key] = value;
                    var i = _list.FindIndex(kv => kv.Item1 == key);
                    _list[i] = (key, value);
                }
                else Add(key, value);
            }
        }

        /// <summary>The keys in insertion order.</summary>
        public ICollection<string> Keys => _list.Select(kv => kv.Item1).ToList();

        /// <summary>The modules in insertion order.</summary>
        public ICollection<T> Values => _list.Select(kv => kv.Item2).ToList();

        /// <summary>The number of entries.</summary>
        public int Count => _list.Count;

        /// <summary>Always false.</summary>
        public bool IsReadOnly => false;

        /// <summary>Adds an entry.</summary>
        public void Add((string, T) item) => Add(item.Item1, item.Item2);

        /// <summary>Adds an entry.</summary>
        public void Add(string key, T value)
        {
            _dict.Add(key, value);
            _list.Add((key, value));
        }

        /// <summary>Adds an entry.</summary>
        public void Add(KeyValuePair<string, T> item) => Add(item.Key, item.Value);

        /// <summary>True when the entry is present.</summary>
        public bool Contains((string, T) item) => _list.Contains(item);

        /// <summary>True when the entry is present.</summary>
        public bool Contains(KeyValuePair<string, T> item) => _dict.TryGetValue(item.Key, out var v) && ReferenceEquals(v, item.Value);

        /// <summary>True when the key is present.</summary>
        public bool ContainsKey(string key) => _dict.ContainsKey(key);

        /// <summary>Copies the entries into an array.</summary>
        public void CopyTo((string, T)[] array, int arrayIndex) => _list.CopyTo(array, arrayIndex);

        /// <summary>Copies the entries into an array.</summary>
        public void CopyTo(KeyValuePair<string, T>[] array, int arrayIndex)
        {
            foreach (var (k, v) in _list) array[arrayIndex++] = new KeyValuePair<string, T>(k, v);
        }

        /// <summary>The position of an entry, or -1.</summary>
        public int IndexOf((string, T) item) => _list.IndexOf(item);

        /// <summary>Inserts an entry.</summary>
        public void Insert(int index, (string, T) item)
        {
            _dict.Add(item.Item1, item.Item2);
            _list.Insert(index, item);
        }

        /// <summary>Removes an entry.</summary>
        public bool Remove((string, T) item) => _list.Contains(item) && Remove(item.Item1);

        /// <summary>Removes the entry under a key.</summary>
        public bool Remove(string key)
        {
            if (!_dict.Remove(key)) return false;
            _list.RemoveAt(_list.FindIndex(kv => kv.Item1 == key));
            return true;
        }

        /// <summary>Removes an entry.</summary>
        public bool Remove(KeyValuePair<string, T> item) => Contains(item) && Remove(item.Key);

        /// <summary>Removes the entry at a position.</summary>
        public void RemoveAt(int index)
        {
            var item = _list[index];
            _list.RemoveAt(index);
            _dict.Remove(item.Item1);
        }

        /// <summary>Looks a key up.</summary>
        public bool TryGetValue(string key, out T value) => _dict.TryGetValue(key, out value!);

        /// <summary>Enumerates the entries in insertion order.</summary>
        public IEnumerator<(string, T)> GetEnumerator() => _list.GetEnumerator();

        IEnumerator<KeyValuePair<string, T>> IEnumerable<KeyValuePair<string, T>>.GetEnumerator() => throw new NotImplementedException();

        IEnumerator IEnumerable.GetEnumerator() => throw new NotImplementedException();
    }
}

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>An empty Sequential.</summary>
            public static Sequential Sequential() => new Sequential();

            /// <summary>A Sequential of named modules.</summary>
            public static Sequential Sequential(params (string name, Module<Tensor, Tensor> submodule)[] modules) => Sequential((IEnumerable<(string name, Module<Tensor, Tensor> submodule)>)modules);

            /// <summary>A Sequential of modules named "0", "1", ...</summary>
            public static Sequential Sequential(params Module<Tensor, Tensor>[] modules) => Sequential((IEnumerable<Module<Tensor, Tensor>>)modules);

            /// <summary>A Sequential of named modules.</summary>
            public static Sequential Sequential(params Tuple<string, Module<Tensor, Tensor>>[] modules) => Sequential((IEnumerable<Tuple<string, Module<Tensor, Tensor>>>)modules);

            /// <summary>A Sequential of named modules.</summary>
            public static Sequential Sequential(IEnumerable<(string name, Module<Tensor, Tensor> submodule)> modules)
            {
                var result = new Sequential();
                foreach (var (n, m) in modules) result.Add(n, m);
                return result;
            }

            /// <summary>A Sequential of named modules.</summary>
            public static Sequential Sequential(IEnumerable<Tuple<string, Module<Tensor, Tensor>>> modules)
            {
                var result = new Sequential();
                foreach (var t in modules) result.Add(t.Item1, t.Item2);
                return result;
            }

            /// <summary>A Sequential of modules named "0", "1", ...</summary>
            public static Sequential Sequential(IEnumerable<Module<Tensor, Tensor>> modules)
            {
                var result = new Sequential();
                foreach (var m in modules) result.append(m);
                return result;
            }

            /// <summary>A list of modules.</summary>
            public static ModuleList<Module> ModuleList(params Module[] modules) => new ModuleList<Module>(modules);

            /// <summary>A list of modules of one type.</summary>
            public static ModuleList<T> ModuleList<T>(params T[] modules) where T : Module => new ModuleList<T>(modules);

            /// <summary>A dictionary of modules.</summary>
            public static ModuleDict<Module> ModuleDict(params (string, Module)[] modules)
            {
                var result = new ModuleDict<Module>();
                foreach (var (k, m) in modules) result.Add(k, m);
                return result;
            }

            /// <summary>A dictionary of modules of one type.</summary>
            public static ModuleDict<T> ModuleDict<T>(params (string, T)[] modules) where T : Module
            {
                var result = new ModuleDict<T>();
                foreach (var (k, m) in modules) result.Add(k, m);
                return result;
            }
        }
    }
}
