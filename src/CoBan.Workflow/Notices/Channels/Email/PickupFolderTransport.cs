using MimeKit;

namespace CoBan.Workflow.Notices;

/// <summary>
/// The fresh-install default (no SMTP host): each message is written as an .eml file named after its
/// Message-Id into the pickup folder, for a mail server or a person to collect. Written to a temporary
/// name and moved into place, so a file that exists is complete, and writing the same message twice
/// leaves one file. Kept apart from SMTP: the outbox's exactly-once handling treats the two differently.
/// </summary>
public static class PickupFolderTransport
{
    public static string PathFor(string folder, string messageId) =>
        Path.Combine(folder, string.Concat(messageId.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' ? c : '_')) + ".eml");

    /// <summary>Writes the message once; true if this call wrote it, false if it was already there.</summary>
    public static async Task<bool> WriteAsync(MimeMessage message, string folder, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var path = PathFor(folder, message.MessageId ?? throw new ArgumentException("the message has no Message-Id", nameof(message)));
        if (File.Exists(path)) return false;
        var temporary = Path.Combine(folder, $".{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = File.Create(temporary))
                await message.WriteToAsync(FormatOptions.Default, stream, ct);
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false; // another node wrote the same message a moment earlier
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>Whether the message is in the folder: by its file name, or (files written by earlier versions) by its Message-Id header.</summary>
    public static bool Contains(string folder, string messageId)
    {
        if (!Directory.Exists(folder)) return false;
        if (File.Exists(PathFor(folder, messageId))) return true;
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
