using System.Security.Cryptography;

namespace UnifiedCommerce.Hosting;

/// <summary>
/// The local platform's operator credential (client <c>platform-operator</c> at Identity): a random secret made on
/// first start and kept beside the database cluster, readable by its owner only. Seeding and operators' scripts
/// read it from there; a production deployment supplies its own through Identity:OperatorClientSecret.
/// </summary>
public static class PlatformOperatorSecret
{
    public const string ClientId = "platform-operator";
    public const string FileName = "platform-operator.secret";

    public static string Path(string dataDirectory) => System.IO.Path.Combine(System.IO.Path.GetFullPath(dataDirectory), FileName);

    public static string ReadOrCreate(string dataDirectory) => LocalSecret.ReadOrCreate(Path(dataDirectory));
}

/// <summary>
/// A secret of the local platform (a client secret, a cookie key): random, made on first start, kept beside the
/// database cluster and readable by its owner only, so restarts keep sessions and credentials working.
/// </summary>
public static class LocalSecret
{
    public static string ReadOrCreate(string dataDirectory, string fileName) =>
        ReadOrCreate(System.IO.Path.Combine(System.IO.Path.GetFullPath(dataDirectory), fileName));

    public static string ReadOrCreate(string file)
    {
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
            File.WriteAllText(file, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return File.ReadAllText(file).Trim();
    }
}
