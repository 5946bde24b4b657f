using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TorchSharp.Utils;

namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            public partial class Module
            {
                /// <summary>
                /// Saves the state dict in TorchSharp's format to a file. The data go to a temporary file in the same
                /// directory, which then replaces <paramref name="location"/>, so the target is never half-written.
                /// </summary>
                public Module save(string location, IList<string>? skip = null)
                {
                    var full = Path.GetFullPath(location);
                    var dir = Path.GetDirectoryName(full) ?? ".";
                    var tmp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
                    try
                    {
                        using (var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write))
                        {
                            save(stream, skip);
                            stream.Flush(flushToDisk: true);
                        }
                        File.Move(tmp, full, overwrite: true);
                    }
                    catch
                    {
                        try { File.Delete(tmp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
                        throw;
                    }
                    return this;
                }

                /// <summary>Saves the state dict in TorchSharp's format, in <see cref="state_dict"/> order.</summary>
                public Module save(BinaryWriter writer, IList<string>? skip = null)
                {
                    save_state_dict(writer, state_dict(), skip);
                    return this;
                }

                /// <summary>Saves the state dict in TorchSharp's format to a stream (left open).</summary>
                public Module save(Stream stream, IList<string>? skip = null)
                {
                    using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
                    save(writer, skip);
                    writer.Flush();
                    return this;
                }

                /// <summary>
                /// Writes a state dict: the LEB128 entry count, then per entry the key (<see cref="BinaryWriter.Write(string)"/>)
                /// and the tensor record, leaving out <paramref name="skip"/> keys.
                /// </summary>
                public static void save_state_dict(BinaryWriter writer, Dictionary<string, Tensor> sd, IList<string>? skip = null)
                {
                    var skipped = new HashSet<string>(skip ?? Array.Empty<string>());
                    var entries = sd.Where(kv => !skipped.Contains(kv.Key)).ToList();
                    writer.Encode(entries.Count);
                    foreach (var (key, tensor) in entries)
                    {
                        writer.Write(key);
                        tensor.Save(writer);
                    }
                }

                /// <summary>Loads a file written by <see cref="save(string, IList{string})"/> (read whole into memory first).</summary>
                public virtual Module load(string location, bool strict = true, IList<string>? skip = null, Dictionary<string, bool>? loadedParameters = null)
                {
                    if (!File.Exists(location)) throw new FileNotFoundException($"The file '{location}' does not exist.", location);
                    using var stream = new MemoryStream(File.ReadAllBytes(location), writable: false);
                    using var reader = new BinaryReader(stream);
                    return load(reader, strict, skip, loadedParameters);
                }

                /// <summary>
                /// Loads a state dict in TorchSharp's format. Every entry is read and checked (key known in strict mode,
                /// dtype and shape equal) before any weight changes; a problem throws <see cref="ArgumentException"/> naming
                /// the key (and both shapes or dtypes) and leaves the module as it was. Non-strict loads skip unknown keys
                /// and tolerate missing ones.
                /// </summary>
                public virtual Module load(BinaryReader reader, bool strict = true, IList<string>? skip = null, Dictionary<string, bool>? loadedParameters = null)
                {
                    var sd = state_dict();
                    var skipped = new HashSet<string>(skip ?? Array.Empty<string>());
                    var pending = new List<(string key, Tensor target, TensorRecord record)>();
                    var seen = new HashSet<string>();
                    long count;
                    try
                    {
                        count = reader.Decode();
                    }
                    catch (EndOfStreamException e)
                    {
                        throw new ArgumentException("The state-dict stream is empty or truncated.", e);
                    }

                    for (long i = 0; i < count; i++)
                    {
                        string key = $"#{i}";
                        try
                        {
                            key = reader.ReadString();
                            var wanted = !skipped.Contains(key) && sd.ContainsKey(key);
                            if (!wanted && strict && !skipped.Contains(key))
                                throw new ArgumentException($"Unexpected key in the state dict: '{key}' is not a parameter or buffer of {GetName()}.");
                            var record = TensorRecord.Read(reader, skip: !wanted);
                            if (!wanted) continue;
                            record.CheckMatches(sd[key], key);
                            pending.Add((key, sd[key], record));
                            seen.Add(key);
                        }
                        catch (EndOfStreamException e)
                        {
                            throw new ArgumentException($"The state-dict stream is truncated (entry {i}, '{key}').", e);
                        }
                    }
                    if (strict)
                    {
                        var missing = sd.Keys.Where(k => !skipped.Contains(k) && !seen.Contains(k)).ToList();
                        if (missing.Count > 0)
                            throw new ArgumentException($"Missing key(s) in the state dict ({count} entries, {GetName()} has {sd.Keys.Count(k => !skipped.Contains(k))}): " + string.Join(", ", missing.Select(k => $"'{k}'")) + ".");
                    }

                    foreach (var (key, target, record) in pending)
                    {
                        record.CopyInto(target);
                        if (loadedParameters is not null) loadedParameters[key] = true;
                    }
                    return this;
                }

                /// <summary>Loads a state dict from a stream.</summary>
                public Module load(Stream stream, bool strict = true, IList<string>? skip = null, Dictionary<string, bool>? loadedParameters = null)
                {
                    using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
                    return load(reader, strict, skip, loadedParameters);
                }

                /// <summary>Creates a <typeparamref name="T"/> and loads its weights from <paramref name="path"/>.</summary>
                public static Module Create<T>(string path) where T : Module, new()
                {
                    var model = new T();
                    return model.load(path);
                }
            }
        }
    }
}
