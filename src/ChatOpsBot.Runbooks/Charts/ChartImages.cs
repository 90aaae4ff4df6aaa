using System.Globalization;
using System.Text;
using ChatOpsBot.Runbooks.Messaging;

namespace ChatOpsBot.Runbooks.Charts;

/// <summary>
/// Turns stored charts into message pictures: one file name and one alt text per chart, shared by the chat message,
/// its later edits and the transcript export, so a picture uploaded once can be referred to again by name.
/// </summary>
public static class ChartImages
{
    /// <summary>At most this many charts go into a chat message (the first ones: <see cref="Http503Charts"/> orders
    /// them by how directly they show the finding).</summary>
    public const int MaxInChat = 3;

    /// <summary><c>&lt;id&gt;.png</c>, with anything but letters, digits, '.', '_' and '-' replaced (ids read back
    /// from a store are not trusted to be file-name safe).</summary>
    public static string FileName(ChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var sb = new StringBuilder(spec.Id.Length + 4);
        foreach (var c in spec.Id)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '-');
        }

        return (sb.Length == 0 ? "chart" : sb.ToString()) + ".png";
    }

    /// <summary>Alt text: the title, what each line is, the window and the diagnosis marker, in UTC.</summary>
    public static string Description(ChartSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var lines = spec.Series.Select(s => s.Label).Concat(spec.Thresholds.Select(t => t.Label + " (dashed line)"));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Chart: {spec.Title}. {spec.YAxisLabel} of {string.Join(", ", lines)}, {spec.WindowStart.UtcDateTime:yyyy-MM-dd HH:mm} to {spec.WindowEnd.UtcDateTime:HH:mm} UTC; the diagnosis ran at {spec.DiagnosedAt.UtcDateTime:HH:mm} UTC.");
    }

    /// <summary>
    /// One picture per chart, in order. A chart whose file is in <paramref name="alreadyUploaded"/> is not drawn
    /// again (its <see cref="ChatImage.Png"/> is null, to be referred to by name); without a renderer no chart is drawn.
    /// A chart the renderer fails on (a missing font, say) also gets no bytes, and <paramref name="failed"/> hears why:
    /// a picture is never worth losing the message it belongs to.
    /// </summary>
    public static IReadOnlyList<ChatImage> For(
        IEnumerable<ChartSpec> charts,
        IChartImageRenderer? renderer,
        IReadOnlySet<string>? alreadyUploaded = null,
        Action<ChartSpec, Exception>? failed = null)
    {
        ArgumentNullException.ThrowIfNull(charts);
        var images = new List<ChatImage>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var spec in charts)
        {
            var name = FileName(spec);
            if (!names.Add(name))
            {
                continue;
            }

            ReadOnlyMemory<byte>? png = null;
            if (alreadyUploaded?.Contains(name) != true && renderer is not null)
            {
                try
                {
                    png = renderer.RenderPng(spec);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failed?.Invoke(spec, e);
                }
            }

            images.Add(new ChatImage(name, Description(spec), png));
        }

        return images;
    }
}
