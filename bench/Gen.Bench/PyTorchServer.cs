using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Gen.Bench
{
    /// <summary>
    /// bench/python/bench_models.py in <c>--serve</c> mode: one request per line on its stdin
    /// (<c>model mode batch runs warmup</c>), one JSON line back.
    /// </summary>
    internal sealed class PyTorchServer : IDisposable
    {
        private readonly Process process;
        private readonly StringBuilder stderr = new();

        public PyTorchServer(string python, string script, int threads)
        {
            var info = new ProcessStartInfo(python)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add(script);
            info.ArgumentList.Add("--threads");
            info.ArgumentList.Add(threads.ToString(CultureInfo.InvariantCulture));
            info.ArgumentList.Add("--serve");
            foreach (var name in Program.ThreadVariables)
            {
                info.Environment[name] = threads.ToString(CultureInfo.InvariantCulture);
            }

            info.Environment["MKL_NUM_THREADS"] = threads.ToString(CultureInfo.InvariantCulture);
            process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {python}.");
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null)
                {
                    lock (stderr)
                    {
                        stderr.AppendLine(e.Data);
                    }
                }
            };
            process.BeginErrorReadLine();

            Environment = ReadUntil("environment");
            ReadUntil("ready");
        }

        /// <summary>The script's first line: torch version, threads, BLAS library.</summary>
        public JsonElement Environment { get; }

        /// <summary>Times <paramref name="runs"/> runs after <paramref name="warmup"/> untimed ones; returns their times in ms.</summary>
        public IReadOnlyList<double> Measure(string model, string mode, int batch, int runs, int warmup)
        {
            process.StandardInput.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{model} {mode} {batch} {runs} {warmup}"));
            process.StandardInput.Flush();
            var reply = ReadUntil("measurement");
            var times = new List<double>();
            foreach (var t in reply.GetProperty("times_ms").EnumerateArray())
            {
                times.Add(t.GetDouble());
            }

            return times;
        }

        /// <summary>The peak resident memory of one untimed training step (peak minus resident before), in bytes; null where the kernel does not tell.</summary>
        public long? TrainMemory(string model, int batch)
        {
            process.StandardInput.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{model} train-memory {batch}"));
            process.StandardInput.Flush();
            var reply = ReadUntil("memory").GetProperty("peak_rss_bytes");
            return reply.ValueKind == JsonValueKind.Number ? reply.GetInt64() : null;
        }

        public void Dispose()
        {
            try
            {
                if (!process.HasExited)
                {
                    process.StandardInput.WriteLine("quit");
                    process.StandardInput.Close();
                    if (!process.WaitForExit(10_000))
                    {
                        process.Kill();
                    }
                }
            }
            catch (Exception e) when (e is InvalidOperationException or IOException)
            {
            }

            process.Dispose();
        }

        private JsonElement ReadUntil(string expectedEvent)
        {
            while (true)
            {
                var line = process.StandardOutput.ReadLine();
                if (line is null)
                {
                    process.WaitForExit(5_000);
                    string errors;
                    lock (stderr)
                    {
                        errors = stderr.ToString();
                    }

                    throw new InvalidOperationException($"bench_models.py ended while Gen.Bench waited for '{expectedEvent}'. Its stderr:\n{errors}");
                }

                using var document = JsonDocument.Parse(line);
                var root = document.RootElement.Clone();
                var kind = root.GetProperty("event").GetString();
                if (kind == "error")
                {
                    throw new InvalidOperationException($"bench_models.py: {root.GetProperty("message").GetString()} (request: {root.GetProperty("request").GetString()})");
                }

                if (kind == expectedEvent)
                {
                    return root;
                }
            }
        }
    }
}
