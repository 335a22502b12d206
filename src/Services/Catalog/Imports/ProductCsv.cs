using System.Globalization;
using CsvHelper;
using UnifiedCommerce.Catalog.Application;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.Catalog.Imports;

/// <summary>
/// The catalog's CSV layout (docs/catalog-csv.md): one row per variant, the rows of a product together, its
/// product columns on its first row. Import and export use the same columns, so an export imports back unchanged.
/// </summary>
public static class ProductCsv
{
    public const string Handle = "Handle";
    public const string Title = "Title";
    public const string Description = "Description (HTML)";
    public const string Status = "Status";
    public const string PublishAt = "Publish At";
    public const string UnpublishAt = "Unpublish At";
    public const string Brand = "Brand";
    public const string ProductType = "Product Type";
    public const string Tags = "Tags";
    public const string SeoTitle = "SEO Title";
    public const string SeoDescription = "SEO Description";
    public const string Categories = "Categories";
    public const string Sku = "Variant SKU";
    public const string VariantTitle = "Variant Title";
    public const string Barcode = "Variant Barcode";
    public const string Price = "Variant Price";
    public const string CompareAtPrice = "Variant Compare At Price";
    public const string Cost = "Variant Cost";
    public const string WeightGrams = "Variant Weight Grams";
    public const string Position = "Variant Position";
    public const string Currency = "Currency";
    public const string ImageFiles = "Image Files";

    public static string OptionName(int number) => $"Option{number} Name";

    public static string OptionValue(int number) => $"Option{number} Value";

    public static readonly IReadOnlyList<string> Columns =
    [
        Handle, Title, Description, Status, PublishAt, UnpublishAt, Brand, ProductType, Tags, SeoTitle, SeoDescription, Categories,
        OptionName(1), OptionValue(1), OptionName(2), OptionValue(2), OptionName(3), OptionValue(3),
        Sku, VariantTitle, Barcode, Price, CompareAtPrice, Cost, WeightGrams, Position, Currency, ImageFiles,
    ];

    /// <summary>
    /// A spreadsheet treats a cell starting with one of these as a formula; the export puts an apostrophe before a
    /// text cell that starts with one (spreadsheets then show it as text), and an import removes it again.
    /// </summary>
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static readonly CsvReaderOptions ReaderOptions = new()
    {
        Separator = ',',
        HasHeader = true,
        TrimWhitespace = false,
        TrackLineNumbers = true,
        SkipEmptyLines = true,
        MalformedData = CsvMalformedDataHandling.Throw,
    };

    public static readonly CsvWriterOptions WriterOptions = new()
    {
        Separator = ',',
        Injection = CsvInjection.Escape,
        InjectionEscape = '\'',
        Quoting = CsvQuoting.WhenNeededOrWhitespace,
    };

    public static string FromCell(string value) =>
        value.Length > 1 && value[0] == '\'' && FormulaStarts.Contains(value[1]) ? value[1..] : value;

    /// <summary>What a file's rows make: the products in file order, and the rows refused before any product rule ran.</summary>
    public sealed record Parsed(int RowCount, IReadOnlyList<ImportCandidate> Candidates, IReadOnlyList<ImportRowError> Errors);

    /// <summary>
    /// Reads the whole file into products. A refusal of the file itself (no header, an unknown column) throws
    /// <see cref="InvalidDataException"/>; a bad row is an error on its line, and its product is left out.
    /// </summary>
    public static Parsed Read(byte[] content, string? defaultCurrency)
    {
        using var csv = CsvReader.Create(content, ReaderOptions);
        csv.ReadHeader();
        var header = csv.Headers.ToArray();
        if (header is not { Length: > 0 } || header.All(string.IsNullOrWhiteSpace))
        {
            throw new InvalidDataException("The file is empty: its first line names the columns (see docs/catalog-csv.md).");
        }

        var unknown = header.Where(name => !Columns.Contains(name, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidDataException($"Unknown column(s): {string.Join(", ", unknown.Select(n => $"'{n}'"))}. The columns are: {string.Join(", ", Columns)}.");
        }

        if (header.Distinct(StringComparer.Ordinal).Count() != header.Length)
        {
            throw new InvalidDataException("A column is named twice in the first line.");
        }

        foreach (var required in new[] { Handle, Sku, Price })
        {
            if (!header.Contains(required, StringComparer.Ordinal))
            {
                throw new InvalidDataException($"The column '{required}' is required.");
            }
        }

        var errors = new List<ImportRowError>();
        var candidates = new List<ImportCandidate>();
        var seenHandles = new HashSet<string>(StringComparer.Ordinal);
        var skuLines = new Dictionary<string, (string Handle, int Line)>(StringComparer.Ordinal);
        var rows = new List<Row>();
        var rowCount = 0;
        while (csv.Read())
        {
            rowCount++;
            var line = (int)csv.LineNumber;
            var cells = new Dictionary<string, string>(header.Length, StringComparer.Ordinal);
            for (var index = 0; index < header.Length; index++)
            {
                cells[header[index]] = FromCell(csv.GetString(index) ?? "");
            }

            var row = new Row(line, cells);
            if (rows.Count > 0 && rows[0].Handle != row.Handle)
            {
                Complete(rows, candidates, errors, defaultCurrency);
                rows = [];
            }

            if (rows.Count == 0 && !seenHandles.Add(row.Handle))
            {
                errors.Add(new ImportRowError(line, Handle, $"The rows of '{row.Handle}' must be together: it appeared on an earlier line too."));
                continue;
            }

            if (row.Cells[Sku] is { Length: > 0 } sku && skuLines.TryGetValue(sku, out var first) && first.Handle != row.Handle)
            {
                errors.Add(new ImportRowError(line, Sku, $"SKU '{sku}' is given to '{first.Handle}' on line {first.Line} too: a SKU names one variant in the store."));
                rows.Add(row with { Bad = true });
                continue;
            }

            if (row.Cells[Sku] is { Length: > 0 } newSku)
            {
                skuLines.TryAdd(newSku, (row.Handle, line));
            }

            rows.Add(row);
        }

        Complete(rows, candidates, errors, defaultCurrency);
        return new Parsed(rowCount, candidates, errors);
    }

    private sealed record Row(int Line, Dictionary<string, string> Cells)
    {
        public string Handle => Cells[ProductCsv.Handle];
        public bool Bad { get; init; }

        public string Get(string column) => Cells.GetValueOrDefault(column) ?? "";
    }

    /// <summary>Turns one product's rows into a candidate, or reports what in them cannot even be read.</summary>
    private static void Complete(List<Row> rows, List<ImportCandidate> candidates, List<ImportRowError> errors, string? defaultCurrency)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var before = errors.Count;
        foreach (var row in rows)
        {
            foreach (var (column, value) in row.Cells)
            {
                if (TextRules.Problem(value, multiLine: column == Description) is { } problem)
                {
                    errors.Add(new ImportRowError(row.Line, column, problem));
                }
            }
        }

        var first = rows[0];
        var optionNames = Enumerable.Range(1, 3).Select(n => first.Get(OptionName(n)).Trim()).ToList();
        var variants = new List<(int Line, int? Position, VariantInput Variant)>();
        foreach (var row in rows)
        {
            var price = Amount(row, Price, errors, required: true);
            var compareAt = Amount(row, CompareAtPrice, errors, required: false);
            var cost = Amount(row, Cost, errors, required: false);
            var weight = Whole(row, WeightGrams, errors);
            var position = Whole(row, Position, errors);
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var n = 1; n <= 3; n++)
            {
                var name = row.Get(OptionName(n)).Trim() is { Length: > 0 } own ? own : optionNames[n - 1];
                var value = row.Get(OptionValue(n));
                if (name.Length > 0 && value.Length > 0)
                {
                    options[name] = value;
                }
                else if (name.Length == 0 && value.Length > 0)
                {
                    errors.Add(new ImportRowError(row.Line, OptionName(n), $"A value for option {n} needs the option's name."));
                }
            }

            var title = row.Get(VariantTitle) is { Length: > 0 } given ? given
                : options.Count > 0 ? string.Join(" / ", options.Values) : "Default";
            var currency = row.Get(Currency) is { Length: > 0 } code ? code : defaultCurrency;
            if (currency is null)
            {
                errors.Add(new ImportRowError(row.Line, Currency, "The store has no products yet, so its currency is unknown: give the currency (ISO 4217)."));
            }

            variants.Add((row.Line, position, new VariantInput(
                row.Get(Sku), title, options, price ?? 0, currency ?? "", NullIfEmpty(row.Get(Barcode)), compareAt, cost, weight)));
        }

        if (errors.Count > before || rows.Any(row => row.Bad))
        {
            return;
        }

        var ordered = variants.Select((variant, index) => (variant, index))
            .OrderBy(pair => pair.variant.Position ?? pair.index).ThenBy(pair => pair.index).Select(pair => pair.variant).ToList();
        var categories = first.Get(Categories).Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var publishAt = Time(first, PublishAt, errors);
        var unpublishAt = Time(first, UnpublishAt, errors);
        if (errors.Count > before)
        {
            return;
        }

        candidates.Add(new ImportCandidate(first.Line, ordered.Select(v => v.Line).ToList(), first.Handle, new ProductInput(
            first.Get(Title),
            first.Get(Description),
            categories.FirstOrDefault(),
            IsPublished: null,
            ordered.Select(v => v.Variant).ToList(),
            Status: first.Get(Status) is { Length: > 0 } status ? status : "draft",
            PublishAt: publishAt,
            UnpublishAt: unpublishAt,
            Brand: NullIfEmpty(first.Get(Brand)),
            ProductType: NullIfEmpty(first.Get(ProductType)),
            Tags: first.Get(Tags).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            SeoTitle: NullIfEmpty(first.Get(SeoTitle)),
            SeoDescription: NullIfEmpty(first.Get(SeoDescription)),
            CategorySlugs: categories,
            Options: OptionsOf(optionNames, ordered.Select(v => v.Variant).ToList()))));
    }

    /// <summary>The product's options: the first row's names, each with its values in the order the variants use them.</summary>
    private static List<ProductOptionInput>? OptionsOf(List<string> names, List<VariantInput> variants)
    {
        var named = names.Where(name => name.Length > 0).ToList();
        if (named.Count == 0)
        {
            return null;
        }

        return named.Select(name => new ProductOptionInput(name, variants
            .Select(v => v.Options?.GetValueOrDefault(name)?.Trim())
            .OfType<string>().Where(value => value.Length > 0).Distinct(StringComparer.Ordinal).ToList())).ToList();
    }

    private static long? Amount(Row row, string column, List<ImportRowError> errors, bool required)
    {
        var text = row.Get(column).Trim();
        if (text.Length == 0)
        {
            if (required)
            {
                errors.Add(new ImportRowError(row.Line, column, "Required: the amount in minor units (cents), such as 2500 for 25.00."));
            }

            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount <= Money.MaxAmount)
        {
            return amount;
        }

        errors.Add(new ImportRowError(row.Line, column, $"'{Shown(text)}' is not an amount: a whole number of minor units (cents), 0 to {Money.MaxAmountText}."));
        return null;
    }

    private static int? Whole(Row row, string column, List<ImportRowError> errors)
    {
        var text = row.Get(column).Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors.Add(new ImportRowError(row.Line, column, $"'{Shown(text)}' is not a whole number from 0 to {int.MaxValue}."));
        return null;
    }

    private static DateTimeOffset? Time(Row row, string column, List<ImportRowError> errors)
    {
        var text = row.Get(column).Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time.ToUniversalTime();
        }

        errors.Add(new ImportRowError(row.Line, column, $"'{Shown(text)}' is not a time: use ISO 8601, such as 2026-05-01T09:00:00Z."));
        return null;
    }

    private static string Shown(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>The column a product rule's field error belongs to, and the line it points at.</summary>
    public static (string? Column, int Line) Locate(ImportCandidate candidate, string field)
    {
        if (field.StartsWith("variants[", StringComparison.Ordinal) && field.IndexOf(']') is var close and > 9
            && int.TryParse(field.AsSpan(9, close - 9), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < candidate.VariantLines.Count)
        {
            var rest = field[(close + 1)..].TrimStart('.');
            var column = rest switch
            {
                "sku" => Sku,
                "title" => VariantTitle,
                "barcode" => Barcode,
                "priceAmount" => Price,
                "compareAtPriceAmount" => CompareAtPrice,
                "costAmount" => Cost,
                "weightGrams" => WeightGrams,
                "currency" => Currency,
                _ when rest.StartsWith("options", StringComparison.Ordinal) => "Option Value",
                _ => null,
            };
            return (column, candidate.VariantLines[index]);
        }

        var productColumn = field switch
        {
            "slug" => Handle,
            "name" => Title,
            "description" => Description,
            "status" => Status,
            "publishAt" => PublishAt,
            "unpublishAt" => UnpublishAt,
            "brand" => Brand,
            "productType" => ProductType,
            "seoTitle" => SeoTitle,
            "seoDescription" => SeoDescription,
            _ when field.StartsWith("tags", StringComparison.Ordinal) => Tags,
            _ when field.StartsWith("categor", StringComparison.Ordinal) => Categories,
            _ when field.StartsWith("options", StringComparison.Ordinal) => "Option Name",
            _ => null,
        };
        return (productColumn, candidate.FirstLine);
    }

    /// <summary>Writes one product as its rows (product columns on the first).</summary>
    public static void Write(CsvWriter csv, Product product, IReadOnlyDictionary<Guid, string> categorySlugs)
    {
        var variants = product.Variants.OrderBy(v => v.SortOrder).ToList();
        for (var index = 0; index < variants.Count; index++)
        {
            var variant = variants[index];
            var first = index == 0;
            var values = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                [Handle] = product.Slug,
                [Title] = first ? product.Name : null,
                [Description] = first ? product.Description : null,
                [Status] = first ? product.Status.ToString().ToLowerInvariant() : null,
                [PublishAt] = first ? product.PublishAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) : null,
                [UnpublishAt] = first ? product.UnpublishAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) : null,
                [Brand] = first ? product.Brand : null,
                [ProductType] = first ? product.ProductType : null,
                [Tags] = first ? string.Join(", ", product.Tags) : null,
                [SeoTitle] = first ? product.SeoTitle : null,
                [SeoDescription] = first ? product.SeoDescription : null,
                [Categories] = first ? string.Join("|", product.CategoryIds.Select(id => categorySlugs.GetValueOrDefault(id)).OfType<string>()) : null,
                [Sku] = variant.Sku,
                [VariantTitle] = variant.Title,
                [Barcode] = variant.Barcode,
                [Price] = variant.PriceAmount.ToString(CultureInfo.InvariantCulture),
                [CompareAtPrice] = variant.CompareAtPriceAmount?.ToString(CultureInfo.InvariantCulture),
                [Cost] = variant.CostAmount?.ToString(CultureInfo.InvariantCulture),
                [WeightGrams] = variant.WeightGrams?.ToString(CultureInfo.InvariantCulture),
                [Position] = variant.SortOrder.ToString(CultureInfo.InvariantCulture),
                [Currency] = variant.Currency,
                [ImageFiles] = null,
            };
            for (var n = 1; n <= 3; n++)
            {
                var option = n <= product.Options.Count ? product.Options[n - 1] : null;
                values[OptionName(n)] = option?.Name;
                values[OptionValue(n)] = option is null ? null : variant.Options.FirstOrDefault(o => o.Name == option.Name)?.Value;
            }

            foreach (var column in Columns)
            {
                var value = values.GetValueOrDefault(column);
                if (value is not null && NumberColumns.Contains(column))
                {
                    // A number is no formula, whatever its sign: written as a number, the writer never escapes it.
                    csv.WriteField(long.Parse(value, CultureInfo.InvariantCulture), "");
                }
                else
                {
                    csv.WriteField(value ?? "");
                }
            }

            csv.EndRecord();
        }
    }

    public static void WriteHeader(CsvWriter csv) => csv.WriteHeader([.. Columns]);

    private static readonly HashSet<string> NumberColumns = [Price, CompareAtPrice, Cost, WeightGrams, Position];
}
