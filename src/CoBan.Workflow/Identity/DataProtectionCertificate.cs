using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CoBan.Workflow.Identity;

/// <summary>
/// The certificate that encrypts the data-protection keys at rest: a PFX file (with its password) or
/// a PEM certificate with its PEM private key, kept outside the database. A configured certificate
/// that cannot be loaded stops the start: running on would write new keys unencrypted, or fail to
/// read the old ones.
/// </summary>
public static class DataProtectionCertificate
{
    public const string PathSetting = "CoBan:DataProtection:CertificatePath";
    public const string PasswordSetting = "CoBan:DataProtection:CertificatePassword";
    public const string KeyPathSetting = "CoBan:DataProtection:CertificateKeyPath";

    /// <summary>The configured certificate with its private key, or null when none is configured.</summary>
    public static X509Certificate2? Load(IConfiguration configuration)
    {
        var path = configuration[PathSetting];
        if (string.IsNullOrWhiteSpace(path)) return null;
        if (!File.Exists(path)) throw new InvalidOperationException($"{PathSetting}: the file '{path}' does not exist");
        var keyPath = configuration[KeyPathSetting];
        X509Certificate2 certificate;
        try
        {
            certificate = string.IsNullOrWhiteSpace(keyPath)
                ? X509CertificateLoader.LoadPkcs12FromFile(path, configuration[PasswordSetting])
                : X509Certificate2.CreateFromPemFile(path, keyPath);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"{PathSetting}: '{path}' cannot be read as a certificate with its private key " +
                $"(a PFX file needs {PasswordSetting}; a PEM certificate needs {KeyPathSetting}): {e.Message}", e);
        }
        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
            throw new InvalidOperationException($"{PathSetting}: '{path}' has no RSA private key; the keys are encrypted and read back with an RSA certificate and its key");
        return certificate;
    }
}
