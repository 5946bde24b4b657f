using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace TorchSharp.Utils
{
    /// <summary>
    /// A dictionary that remembers insertion order: enumeration, <see cref="keys"/>, <see cref="values"/> and the
    /// integer indexer follow the order in which keys were first added. Replacing the value of an existing key
    /// keeps its position.
    /// </summary>
    public class OrderedDict<TKey, TValue> : IDictionary<TKey, TValue>, IList<(TKey, TValue)> where TKey : notnull
    {
        private readonly List<(TKey, TValue)> _list = new();
        private readonly Dictionary<TKey, TValue> _dict = new();

        /// <summary>An empty dictionary.</summary>
        public OrderedDict() { }

        /// <summary>Removes every entry.</summary>
        public void Clear()
        {
            _list.Clear();
            _dict.Clear();
        }

        /// <summary>Appends an entry; the key must be new.</summary>
        public void Add((TKey, TValue) item) => Add(item.Item1, item.Item2);

        /// <summary>Appends an entry; the key must be new.</summary>
        public void Add(TKey key, TValue value)
        {
            _dict.Add(key, value);
            _list.Add((key, value));
        }

        /// <summary>Appends an entry; the key must be new.</summary>
        public void Add(KeyValuePair<TKey, TValue> item) => Add(item.Key, item.Value);

        /// <summary>The number of entries.</summary>
        public int Count => _list.Count;

        /// <summary>Always false.</summary>
        public bool IsReadOnly => false;

        /// <summary>The keys in insertion order.</summary>
        public ICollection<TKey> Keys => _list.Select(kv => kv.Item1).ToList();

        /// <summary>The values in insertion order.</summary>
        public ICollection<TValue> Values => _list.Select(kv => kv.Item2).ToList();

        /// <summary>The keys in insertion order.</summary>
        public IEnumerable<TKey> keys() => _list.Select(kv => kv.Item1);

        /// <summary>The values in insertion order.</summary>
        public IEnumerable<TValue> values() => _list.Select(kv => kv.Item2);

        /// <summary>The entries in insertion order.</summary>
        public IEnumerable<(TKey, TValue)> items() => _list;

        /// <summary>The value stored under <paramref name="key"/>; setting an existing key keeps its position.</summary>
        public TValue this[TKey key]
        {
            get => _dict[key];
            set
            {
                if (_dict.ContainsKey(key))
                {
                    _dict[key] = value;
                    int i = IndexOf(key);
                    _list[i] = (key, value);
                }
                else Add(key, value);
            }
        }

        /// <summary>The entry at position <paramref name="index"/>.</summary>
        public (TKey, TValue) this[int index]
        {
            get => _list[index];
            set
            {
                var old = _list[index];
                if (!EqualityComparer<TKey>.Default.Equals(old.Item1, value.Item1))
                {
                    if (_dict.ContainsKey(value.Item1)) throw new ArgumentException($"key {value.Item1} already present");
                    _dict.Remove(old.Item1);
                }
                _dict[value.Item1] = value.Item2;
                _list[index] = value;
            }
        }

        private int IndexOf(TKey key)
        {
            var cmp = EqualityComparer<TKey>.Default;
            for (int i = 0; i < _list.Count; i++) if (cmp.Equals(_list[i].Item1, key)) return i;
            return -1;
        }

        /// <summary>The position of an entry, or -1.</summary>
        public int IndexOf((TKey, TValue) item) => _list.IndexOf(item);

        /// <summary>Inserts an entry at a position; the key must be new.</summary>
        public void Insert(int index, (TKey, TValue) item)
        {
            _dict.Add(item.Item1, item.Item2);
            _list.Insert(index, item);
        }

        /// <summary>Removes the entry at a position.</summary>
        public void RemoveAt(int index)
        {
            var item = _list[index];
            _list.RemoveAt(index);
            _dict.Remove(item.Item1);
        }

        /// <summary>True when the key is present.</summary>
        public bool ContainsKey(TKey key) => _dict.ContainsKey(key);

        /// <summary>True when the entry is present.</summary>
        public bool Contains((TKey, TValue) item) => _list.Contains(item);

        /// <summary>True when the entry is present.</summary>
        public bool Contains(KeyValuePair<TKey, TValue> item) => _dict.TryGetValue(item.Key, out var v) && EqualityComparer<TValue>.Default.Equals(v, item.Value);

        /// <summary>Removes the entry stored under <paramref name="key"/>.</summary>
        public bool Remove(TKey key)
        {
            if (!_dict.Remove(key)) return false;
            _list.RemoveAt(IndexOf(key));
            return true;
        }

        /// <summary>Removes an entry.</summary>
        public bool Remove((TKey, TValue) item) => Contains(item) && Remove(item.Item1);

        /// <summary>Removes an entry.</summary>
        public bool Remove(KeyValuePair<TKey, TValue> item) => Contains(item) && Remove(item.Key);

        /// <summary>Looks a key up.</summary>
        public bool TryGetValue(TKey key, out TValue value) => _dict.TryGetValue(key, out value!);

        /// <summary>Copies the entries into an array.</summary>
        public void CopyTo((TKey, TValue)[] array, int arrayIndex) => _list.CopyTo(array, arrayIndex);

        /// <summary>Copies the entries into an array.</summary>
        public void CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex)
        {
            foreach (var (k, v) in _list) array[arrayIndex++] = new KeyValuePair<TKey, TValue>(k, v);
        }

        /// <summary>Enumerates the entries in insertion order.</summary>
        public IEnumerator<(TKey, TValue)> GetEnumerator() => _list.GetEnumerator();

        IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator()
            => _list.Select(kv => new KeyValuePair<TKey, TValue>(kv.Item1, kv.Item2)).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => _list.GetEnumerator();
    }

    /// <summary>Names the state-dict key of a module field (instead of the field's own name).</summary>
    public class ComponentNameAttribute : Attribute
    {
        /// <summary>The key to register the field's value under.</summary>
        public string Name { get; set; } = "";
    }
}

namespace TorchSharp
{
    /// <summary>Reflection helpers used by module registration.</summary>
    public static class FieldInfoExtensionMethods
    {
        /// <summary>The <see cref="Utils.ComponentNameAttribute"/> name of a field, or the field's own name.</summary>
        public static string ComponentName(this FieldInfo field)
        {
            var attr = field.GetCustomAttribute<Utils.ComponentNameAttribute>();
            return attr is not null && !string.IsNullOrEmpty(attr.Name) ? attr.Name : field.Name;
        }
    }
}
