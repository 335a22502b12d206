using System.Text.RegularExpressions;

namespace UnifiedCommerce.Catalog.Media;

/// <summary>Where media bytes live, by key (<see cref="MediaKeys"/>): a local folder or an S3-compatible bucket.</summary>
public interface IMediaStorage
{
    /// <summary>Stores the bytes under the key, replacing what was there; readers see the old or the new bytes, never a part.</summary>
    Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken);

    /// <summary>The stored bytes as a stream to copy out, or none when nothing is stored under the key.</summary>
    Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes what is stored under the key; nothing there is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Every stored media key with when it was last written, grouped by merchant (keys in ordinal order per merchant).</summary>
    IAsyncEnumerable<StoredMedia> ListAsync(CancellationToken cancellationToken);
}

/// <summary>A stored file: its key, when it was written, and the merchant and media its key names.</summary>
public sealed record StoredMedia(string Key, DateTimeOffset LastWritten, Guid MerchantId, Guid MediaId);

/// <summary>Keys are made by <see cref="MediaKeys"/> only; a storage refuses anything else, so no key can climb out of its root.</summary>
public static partial class StorageKeyRule
{
    public static string Require(string key) => ValidKey().IsMatch(key)
        ? key
        : throw new ArgumentException($"'{key}' is not a media storage key.", nameof(key));

    /// <summary>A listed file with the merchant and media its key names; none for a file that is not a media key.</summary>
    public static StoredMedia? Listed(string key, DateTimeOffset written)
    {
        var match = ValidKey().Match(key);
        return match.Success
            ? new StoredMedia(key, written, Guid.ParseExact(match.Groups["merchant"].Value, "N"), Guid.ParseExact(match.Groups["media"].Value, "N"))
            : null;
    }

    [GeneratedRegex("^merchants/(?<merchant>[0-9a-f]{32})/media/(?<media>[0-9a-f]{32})/[a-z0-9]{1,16}\\.[a-z]{3,4}$")]
    private static partial Regex ValidKey();
}

/// <summary>Files under a folder on this machine: the default, under the platform's data folder.</summary>
public sealed class LocalDiskMediaStorage(string root) : IMediaStorage
{
    public string Root { get; } = Path.GetFullPath(root);

    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Written aside and moved into place: a reader, or a second writer of the same rendition, never sees half a file.
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, content.ToArray(), cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            Stream stream = new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, useAsync: true);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        File.Delete(path);
        var folder = Path.GetDirectoryName(path)!;
        if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
        {
            try
            {
                Directory.Delete(folder);
            }
            catch (IOException)
            {
                // A rendition was written meanwhile: the folder stays, which is harmless.
            }
        }

        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<StoredMedia> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var merchants = Path.Combine(Root, "merchants");
        if (!Directory.Exists(merchants))
        {
            yield break;
        }

        foreach (var merchantFolder in Directory.EnumerateDirectories(merchants).Order(StringComparer.Ordinal))
        {
            var files = new List<StoredMedia>();
            try
            {
                foreach (var file in new DirectoryInfo(merchantFolder).EnumerateFiles("*", SearchOption.AllDirectories))
                {
                    var key = Path.GetRelativePath(Root, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
                    if (StorageKeyRule.Listed(key, file.LastWriteTimeUtc) is { } listed)
                    {
                        files.Add(listed);
                    }
                }
            }
            catch (DirectoryNotFoundException)
            {
                // Removed while listed (its last media deleted): nothing of it to sweep.
            }

            foreach (var file in files.OrderBy(file => file.Key, StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return file;
            }

            await Task.Yield();
        }
    }

    private string PathOf(string key) => Path.Combine(Root, StorageKeyRule.Require(key));
}
