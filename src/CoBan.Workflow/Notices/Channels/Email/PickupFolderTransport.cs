using MimeKit;

namespace CoBan.Workflow.Notices;

/// <summary>
/// The fresh-install default (no SMTP host): each message is written as an .eml file named after its
/// Message-Id into the pickup folder, for a mail relay or a person to collect (and usually delete).
///
/// Exactly once, even when the writer dies at any point and a relay empties the folder meanwhile:
/// 1. the message is written and flushed to disk under <c>.coban/pending/</c> (a deterministic name);
/// 2. a marker is created in <c>.coban/sent/</c>: from now on the message counts as sent;
/// 3. the pending file is renamed into the folder (atomic: a relay never sees half a message).
/// Afterwards the marker answers "was it sent?" whether or not the relay took the file: a marker with
/// its pending file still there means step 3 did not happen yet, and finishing it is safe; a marker
/// without one means the file was published. No marker: nothing was published, write it again.
///
/// The folder has an identity (<c>.coban/folder-id</c>) so that a node recovering another node's
/// interrupted send can tell whether it is looking at the same folder (<see cref="Location"/>).
/// </summary>
public static class PickupFolderTransport
{
    public const string Provider = "pickup";
    private const string Private = ".coban";

    /// <summary>The points of the protocol a test can stop at, as if the process had been killed there.</summary>
    public enum Step { PendingWritten, Recorded, Published }

    /// <summary>Test seam: a crash at a step (the callback throws). Flows with the caller's async context only.</summary>
    public static readonly AsyncLocal<Action<Step>?> CrashAt = new();

    public static string PathFor(string folder, string messageId) => Path.Combine(folder, FileName(messageId) + ".eml");

    private static string FileName(string messageId) =>
        string.Concat(messageId.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' ? c : '_'));

    private static string PendingPath(string folder, string messageId) => Path.Combine(folder, Private, "pending", FileName(messageId) + ".eml");

    private static string MarkerPath(string folder, string messageId) => Path.Combine(folder, Private, "sent", FileName(messageId));

    /// <summary>
    /// "pickup:" and the folder's identity (created on first use), recorded on a delivery before its send
    /// so recovery knows which folder holds the answer. At most 19 characters (the provider column is 20).
    /// </summary>
    public static string Location(string folder)
    {
        var file = Path.Combine(folder, Private, "folder-id");
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            try
            {
                using var created = new FileStream(file, FileMode.CreateNew, FileAccess.Write);
                created.Write(System.Text.Encoding.ASCII.GetBytes(Guid.NewGuid().ToString("N")[..12]));
                created.Flush(flushToDisk: true);
            }
            catch (IOException) when (File.Exists(file)) { /* another node created it first: use theirs */ }
        }
        return $"{Provider}:{File.ReadAllText(file).Trim()}";
    }

    /// <summary>Writes the message once; true if this call published it, false if it had been sent before.</summary>
    public static async Task<bool> WriteAsync(MimeMessage message, string folder, CancellationToken ct)
    {
        var id = message.MessageId ?? throw new ArgumentException("the message has no Message-Id", nameof(message));
        var pending = PendingPath(folder, id);
        var marker = MarkerPath(folder, id);
        if (File.Exists(marker)) return Finish(folder, id);
        PruneMarkers(folder);
        Directory.CreateDirectory(Path.GetDirectoryName(pending)!);
        Directory.CreateDirectory(Path.GetDirectoryName(marker)!);

        await using (var stream = new FileStream(pending, FileMode.Create, FileAccess.Write))
        {
            await message.WriteToAsync(FormatOptions.Default, stream, ct);
            stream.Flush(flushToDisk: true);
        }
        CrashAt.Value?.Invoke(Step.PendingWritten);

        try
        {
            using var created = new FileStream(marker, FileMode.CreateNew, FileAccess.Write);
            created.Flush(flushToDisk: true);
        }
        catch (IOException) when (File.Exists(marker))
        {
            return Finish(folder, id); // another writer of the same message got here first
        }
        CrashAt.Value?.Invoke(Step.Recorded);

        Finish(folder, id);
        CrashAt.Value?.Invoke(Step.Published);
        return true;
    }

    private static long _lastPrune;

    /// <summary>
    /// A marker matters only until the outbox has recorded the send (seconds, or a lease after a crash);
    /// markers older than a week are removed, at most once an hour, so the folder does not grow forever.
    /// </summary>
    private static void PruneMarkers(string folder)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastPrune);
        if (last != 0 && now - last < 3_600_000) return;
        if (Interlocked.CompareExchange(ref _lastPrune, now, last) != last) return;
        var sent = new DirectoryInfo(Path.Combine(folder, Private, "sent"));
        if (!sent.Exists) return;
        var before = DateTime.UtcNow.AddDays(-7);
        foreach (var marker in sent.EnumerateFiles().Where(f => f.LastWriteTimeUtc < before))
            try { marker.Delete(); } catch (IOException) { /* removed by another node */ }
    }

    /// <summary>Completes step 3 if it was interrupted; false when there was nothing left to do.</summary>
    private static bool Finish(string folder, string messageId)
    {
        var pending = PendingPath(folder, messageId);
        if (!File.Exists(pending)) return false;
        try
        {
            File.Move(pending, PathFor(folder, messageId), overwrite: false);
        }
        catch (IOException) when (File.Exists(PathFor(folder, messageId)))
        {
            File.Delete(pending); // published already (an older version's file, or a racing writer)
        }
        return true;
    }

    /// <summary>
    /// After a crash: whether the message counts as sent. A message recorded but not yet published is
    /// published now. A pending file without a marker was never published: it is removed, and the
    /// caller writes the message again.
    /// </summary>
    public static bool Reconcile(string folder, string messageId)
    {
        if (!Directory.Exists(folder)) return false;
        if (File.Exists(MarkerPath(folder, messageId)))
        {
            Finish(folder, messageId);
            return true;
        }
        if (File.Exists(PathFor(folder, messageId)) || ContainsByHeader(folder, messageId)) return true;
        var pending = PendingPath(folder, messageId);
        if (File.Exists(pending)) File.Delete(pending);
        return false;
    }

    /// <summary>Files written by versions before the marker, named otherwise: found by their Message-Id header.</summary>
    private static bool ContainsByHeader(string folder, string messageId)
    {
        var header = $"<{messageId}>";
        foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc).Take(5000))
        {
            using var reader = new StreamReader(file.FullName);
            for (var line = reader.ReadLine(); !string.IsNullOrEmpty(line); line = reader.ReadLine())
                if (line.StartsWith("Message-ID:", StringComparison.OrdinalIgnoreCase) && line.Contains(header, StringComparison.Ordinal))
                    return true;
        }
        return false;
    }
}
