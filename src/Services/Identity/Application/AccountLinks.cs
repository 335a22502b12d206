using Microsoft.Extensions.Options;
using OpenIddict.Server;

namespace UnifiedCommerce.Identity.Application;

/// <summary>Absolute links to Identity's own pages, for emails: based on the issuer, Identity's public address.</summary>
public sealed class AccountLinks(IOptionsMonitor<OpenIddictServerOptions> server)
{
    private Uri Base => server.CurrentValue.Issuer ?? throw new InvalidOperationException("Identity:Issuer is not set.");

    public string VerifyEmail(string token, string? returnUrl) => Link("account/verify", token, returnUrl);

    public string ResetPassword(string token, string? returnUrl) => Link("account/reset-password", token, returnUrl);

    public string AcceptInvitation(string token) => Link("account/invitation", token, returnUrl: null);

    public string ForgotPassword(string? returnUrl) => Link("account/forgot-password", null, returnUrl);

    private string Link(string path, string? token, string? returnUrl)
    {
        var query = new List<string>();
        if (token is not null)
        {
            query.Add("token=" + Uri.EscapeDataString(token));
        }

        if (ReturnUrls.IsLocal(returnUrl))
        {
            query.Add("returnUrl=" + Uri.EscapeDataString(returnUrl!));
        }

        return new Uri(Base, path).AbsoluteUri + (query.Count > 0 ? "?" + string.Join('&', query) : "");
    }
}

/// <summary>Return URLs are local paths only (the authorization request to resume), never another site.</summary>
public static class ReturnUrls
{
    public static bool IsLocal(string? url) => UnifiedCommerce.WebSecurity.LocalUrls.IsLocal(url);
}
