using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;

namespace UnifiedCommerce.Identity.Data;

/// <summary>
/// Keeps ASP.NET Core Data Protection keys (session cookies, antiforgery tokens) in Identity's database, so every
/// instance and every restart reads the same keys. Like the library's own EF store, but saving asynchronously:
/// the services' DbContext refuses blocking saves, and Data Protection's interface is synchronous. It runs only
/// when the key ring is loaded or a key is made (rarely), so waiting for the task here costs nothing that matters.
/// </summary>
public sealed class DataProtectionKeyStore(IServiceScopeFactory scopes) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        return db.DataProtectionKeys.AsNoTracking().Select(key => key.Xml).ToList()
            .Where(xml => !string.IsNullOrEmpty(xml)).Select(xml => XElement.Parse(xml!)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChangesAsync().GetAwaiter().GetResult();
    }
}
