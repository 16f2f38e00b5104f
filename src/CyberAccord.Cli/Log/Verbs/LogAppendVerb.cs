using System.CommandLine;
using System.Text;
using CyberAccord.Cli.Terminal;
using CyberAccord.Log.Tiles;

namespace CyberAccord.Cli.Log.Verbs;

/// <summary><c>accord log append DIR [FILES]</c>: entries sequenced durably, each batch acknowledged once on disk.</summary>
internal static class LogAppendVerb
{
    public static Command Create()
    {
        var dir = LogVerbSupport.DirArgument();
        var files = new Argument<string[]>("files")
        {
            Description = "Files to append, each as one entry. Without files, standard input is one entry "
                + "(or one per line with --lines).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var lines = new Option<bool>("--lines") { Description = "Append each line of standard input as one entry, without its newline." };
        var batch = new Option<int>("--batch")
        {
            Description = "Entries per durable batch (one fsync each).",
            DefaultValueFactory = _ => 1024,
        };
        var command = new Command("append", "Sequence entries durably. Each batch's indices are printed only after it is on disk. "
            + "Run 'accord log checkpoint' to integrate them.")
        {
            dir, files, lines, batch,
        };
        command.SetAction(async (parse, ct) => await VerbRunner.RunAsync(async () =>
        {
            var batchSize = parse.GetValue(batch);
            if (batchSize < 1)
            {
                return CliOutput.Error("--batch must be at least 1");
            }

            var paths = parse.GetValue(files) ?? [];
            if (paths.Length > 0 && parse.GetValue(lines))
            {
                return CliOutput.Error("give either files or --lines, not both");
            }

            foreach (var path in paths)
            {
                if (!File.Exists(path))
                {
                    return CliOutput.Error($"{path}: no such file");
                }

                var length = new FileInfo(path).Length;
                if (length > EntryBundle.MaxEntrySize)
                {
                    return CliOutput.Error($"{path}: {length} bytes; entries are limited to {EntryBundle.MaxEntrySize} bytes (64 KiB - 1)");
                }
            }

            await using var transparencyLog = await LogVerbSupport.OpenLogAsync(parse.GetValue(dir)!, ct).ConfigureAwait(false);
            var total = 0L;
            async Task Flush(List<ReadOnlyMemory<byte>> pending)
            {
                if (pending.Count == 0)
                {
                    return;
                }

                var first = await transparencyLog.AppendAsync(pending, ct).ConfigureAwait(false);
                Console.Out.WriteLine(pending.Count == 1
                    ? $"sequenced {first}"
                    : $"sequenced {first}-{first + pending.Count - 1}");
                Console.Out.Flush();
                total += pending.Count;
                pending.Clear();
            }

            var pending = new List<ReadOnlyMemory<byte>>(batchSize);
            if (paths.Length > 0)
            {
                foreach (var path in paths)
                {
                    pending.Add(await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false));
                    if (pending.Count == batchSize)
                    {
                        await Flush(pending).ConfigureAwait(false);
                    }
                }
            }
            else if (parse.GetValue(lines))
            {
                using var stdin = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
                var lineNumber = 0;
                while (await stdin.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
                {
                    lineNumber++;
                    var bytes = Encoding.UTF8.GetBytes(line);
                    if (bytes.Length > EntryBundle.MaxEntrySize)
                    {
                        await Flush(pending).ConfigureAwait(false);
                        return CliOutput.Error($"standard input line {lineNumber}: {bytes.Length} bytes; entries are limited to "
                            + $"{EntryBundle.MaxEntrySize} bytes. Lines before it were sequenced; none after it.");
                    }

                    pending.Add(bytes);
                    if (pending.Count == batchSize)
                    {
                        await Flush(pending).ConfigureAwait(false);
                    }
                }
            }
            else
            {
                using var buffer = new MemoryStream();
                await Console.OpenStandardInput().CopyToAsync(buffer, ct).ConfigureAwait(false);
                if (buffer.Length > EntryBundle.MaxEntrySize)
                {
                    return CliOutput.Error(
                        $"standard input: {buffer.Length} bytes; entries are limited to {EntryBundle.MaxEntrySize} bytes (64 KiB - 1)");
                }

                pending.Add(buffer.ToArray());
            }

            await Flush(pending).ConfigureAwait(false);
            var awaiting = transparencyLog.SequencedSize - transparencyLog.Checkpoint.Size;
            Console.Error.WriteLine($"{total} entries sequenced; {awaiting} await 'accord log checkpoint'");
            return ExitCodes.Ok;
        }).ConfigureAwait(false));
        return command;
    }
}

