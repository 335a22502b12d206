using UnifiedCommerce.Catalog.Domain;

namespace UnifiedCommerce.Catalog.Imports;

/// <summary>How import modes and statuses are written, in the database and in answers: dry-run, completed-with-errors.</summary>
public static class ImportText
{
    public static string Of(ImportMode mode) => mode switch
    {
        ImportMode.DryRun => "dry-run",
        ImportMode.AllOrNothing => "all-or-nothing",
        _ => "good-rows-only",
    };

    public static string Of(ImportStatus status) => status switch
    {
        ImportStatus.Pending => "pending",
        ImportStatus.Running => "running",
        ImportStatus.Succeeded => "succeeded",
        ImportStatus.CompletedWithErrors => "completed-with-errors",
        _ => "failed",
    };

    public static bool TryParseMode(string? text, out ImportMode mode)
    {
        foreach (var candidate in Enum.GetValues<ImportMode>())
        {
            if (Of(candidate) == text)
            {
                mode = candidate;
                return true;
            }
        }

        mode = default;
        return false;
    }

    public static ImportMode ParseMode(string text) =>
        TryParseMode(text, out var mode) ? mode : throw new InvalidOperationException($"Unknown import mode '{text}'.");

    public static ImportStatus ParseStatus(string text) =>
        Enum.GetValues<ImportStatus>().FirstOrDefault(status => Of(status) == text, ImportStatus.Failed);
}
