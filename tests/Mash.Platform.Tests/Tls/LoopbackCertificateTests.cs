using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Mash.Platform.Tests.Support;
using Mash.Platform.Tls;
using Microsoft.Extensions.Time.Testing;

namespace Mash.Platform.Tests.Tls;

/// <summary>
/// The launcher's --tls certificate: kept across restarts while it has time left (clients keep
/// trusting it), replaced before it runs out, its key readable by its owner only; and the trust
/// rule clients use for it, which forgives an unknown issuer only when it is that certificate.
/// </summary>
public sealed class LoopbackCertificateTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_certificate_with_time_left_is_kept_and_one_in_its_last_week_is_replaced()
    {
        using var folder = new TempDirectory();
        var clock = new FakeTimeProvider(Now);
        var (certificate, _) = LoopbackCertificate.ReadOrCreate(folder.Path, "gateway", clock);
        var first = File.ReadAllText(certificate);

        clock.Advance(TimeSpan.FromDays(300));
        LoopbackCertificate.ReadOrCreate(folder.Path, "gateway", clock);
        Assert.Equal(first, File.ReadAllText(certificate));

        clock.Advance(TimeSpan.FromDays(60));
        LoopbackCertificate.ReadOrCreate(folder.Path, "gateway", clock);
        Assert.NotEqual(first, File.ReadAllText(certificate));
    }

    [Fact]
    public void A_damaged_pair_is_replaced_and_the_key_is_readable_by_its_owner_only()
    {
        using var folder = new TempDirectory();
        var (certificate, key) = LoopbackCertificate.ReadOrCreate(folder.Path, "gateway", new FakeTimeProvider(Now));
        File.WriteAllText(certificate, "half a certificate");

        LoopbackCertificate.ReadOrCreate(folder.Path, "gateway", new FakeTimeProvider(Now));

        using var loaded = X509Certificate2.CreateFromPemFile(certificate, key);
        Assert.True(loaded.HasPrivateKey);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        }
    }

    [Fact]
    public void The_trust_rule_accepts_the_given_certificate_and_refuses_another_self_signed_one_or_a_wrong_host_name()
    {
        using var folder = new TempDirectory();
        var now = DateTimeOffset.UtcNow;
        var (trustedPath, _) = LoopbackCertificate.Write(folder.Path, "trusted", now.AddDays(-1), now.AddDays(30));
        var (otherPath, _) = LoopbackCertificate.Write(folder.Path, "other", now.AddDays(-1), now.AddDays(30));
        using var trusted = ExtraRootTrust.Load(trustedPath);
        using var other = ExtraRootTrust.Load(otherPath);
        var callback = ExtraRootTrust.Callback(trusted);

        Assert.True(callback(this, trusted, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(callback(this, other, null, SslPolicyErrors.RemoteCertificateChainErrors));
        Assert.False(callback(this, trusted, null, SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch));
        Assert.False(callback(this, null, null, SslPolicyErrors.RemoteCertificateNotAvailable));
    }

    [Fact]
    public void A_certificate_file_that_cannot_be_read_is_named_in_the_error()
    {
        using var folder = new TempDirectory();
        var missing = folder.File("nowhere.crt");

        var error = Assert.Throws<InvalidOperationException>(() => ExtraRootTrust.Load(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }
}
