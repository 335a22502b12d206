using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.ServiceDefaults.Http;

namespace UnifiedCommerce.Catalog.Application;

public sealed record RuleConditionInput(RuleField Field, RuleOperator Operator, string Value);

public sealed record CollectionRulesInput(RuleMatch Match, IReadOnlyList<RuleConditionInput> Conditions);

public sealed record CollectionInput(
    string Slug, string Title, string? Description, CollectionKind Kind, CollectionRulesInput? Rules, IReadOnlyList<Guid>? ProductIds);

/// <summary>A change to a collection: the fields given change, the others stay. A collection's kind stays what it was made as.</summary>
public sealed record CollectionUpdateInput(string? Slug, string? Title, string? Description, CollectionRulesInput? Rules);

public static class CollectionLimits
{
    public const int Conditions = 20;
    public const int ConditionValue = 200;

    /// <summary>A manual collection lists at most this many products; one call adds or removes at most <see cref="CatalogLimits.BulkProducts"/>.</summary>
    public const int ManualProducts = 5_000;
}

/// <summary>
/// What a rule collection may say (each field with the operators that make sense for it, each value of the right
/// kind) and how its conditions become one SQL predicate over products, so a rule collection is read with one query.
/// </summary>
public static class CollectionRules
{
    private static readonly Dictionary<RuleField, RuleOperator[]> Operators = new()
    {
        [RuleField.Tag] = [RuleOperator.Equals, RuleOperator.NotEquals],
        [RuleField.Brand] = [RuleOperator.Equals, RuleOperator.NotEquals, RuleOperator.Contains],
        [RuleField.ProductType] = [RuleOperator.Equals, RuleOperator.NotEquals, RuleOperator.Contains],
        [RuleField.Price] = [RuleOperator.Equals, RuleOperator.NotEquals, RuleOperator.LessThan, RuleOperator.GreaterThan],
        [RuleField.CompareAt] = [RuleOperator.Equals],
        [RuleField.Category] = [RuleOperator.Equals, RuleOperator.NotEquals],
        [RuleField.Title] = [RuleOperator.Contains],
    };

    public static IReadOnlyList<RuleOperator> OperatorsFor(RuleField field) => Operators[field];

    /// <summary>The conditions normalised, or every problem at once under its field (rules.conditions[2].value).</summary>
    public static List<RuleCondition> Validate(string prefix, CollectionRulesInput? rules, FieldErrors errors)
    {
        if (rules?.Conditions is not { Count: > 0 and <= CollectionLimits.Conditions } conditions)
        {
            errors.Add($"{prefix}.conditions", $"A rule collection has 1 to {CollectionLimits.Conditions} conditions.");
            return [];
        }

        if (!Enum.IsDefined(rules.Match))
        {
            errors.Add($"{prefix}.match", "Use all or any.");
        }

        var result = new List<RuleCondition>();
        for (var index = 0; index < conditions.Count; index++)
        {
            var field = $"{prefix}.conditions[{index}]";
            if (conditions[index] is not { } condition)
            {
                errors.Add(field, "A condition is required here, not null.");
                continue;
            }

            if (!Enum.IsDefined(condition.Field))
            {
                errors.Add($"{field}.field", "Use tag, brand, productType, price, compareAt, category or title.");
                continue;
            }

            if (!Operators[condition.Field].Contains(condition.Operator))
            {
                errors.Add($"{field}.operator", $"{Name(condition.Field)} takes {string.Join(", ", Operators[condition.Field].Select(Name))}.");
                continue;
            }

            if (NormalisedValue(condition, $"{field}.value", errors) is { } value)
            {
                result.Add(new RuleCondition { Field = condition.Field, Operator = condition.Operator, Value = value });
            }
        }

        return result;
    }

    private static string? NormalisedValue(RuleConditionInput condition, string field, FieldErrors errors)
    {
        var text = condition.Value?.Trim() ?? "";
        errors.SingleLine(field, condition.Value);
        if (errors.Has(field))
        {
            return null;
        }

        switch (condition.Field)
        {
            case RuleField.Price:
                if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount > Money.MaxAmount)
                {
                    errors.Add(field, $"A price is a whole number of minor units (cents), 0 to {Money.MaxAmountText}.");
                    return null;
                }

                return amount.ToString(CultureInfo.InvariantCulture);
            case RuleField.CompareAt:
                if (text is not ("true" or "false"))
                {
                    errors.Add(field, "Use true (on sale: a compare-at price above the price) or false.");
                    return null;
                }

                return text;
            case RuleField.Category:
                if (!Guid.TryParse(text, out var id))
                {
                    errors.Add(field, "A category's id.");
                    return null;
                }

                return id.ToString();
            case RuleField.Tag:
                var tag = ProductTags.Normalise(text);
                if (tag.Length is 0 or > ProductTags.MaxLength)
                {
                    errors.Add(field, $"A tag has 1 to {ProductTags.MaxLength} characters.");
                    return null;
                }

                return tag;
            default:
                if (text.Length is 0 or > CollectionLimits.ConditionValue)
                {
                    errors.Add(field, $"Required, at most {CollectionLimits.ConditionValue} characters.");
                    return null;
                }

                return text;
        }
    }

    /// <summary>
    /// The conditions as one predicate EF translates to SQL. <paramref name="subtrees"/> gives each category
    /// condition's category with its subcategories (a product in a subcategory is in the category, as on the storefront).
    /// </summary>
    public static Expression<Func<Product, bool>> Predicate(RuleMatch match, IReadOnlyList<RuleCondition> conditions, IReadOnlyDictionary<Guid, List<Guid>> subtrees)
    {
        var parts = conditions.Select(condition => Condition(condition, subtrees)).ToList();
        if (parts.Count == 0)
        {
            return product => false;
        }

        var parameter = Expression.Parameter(typeof(Product), "product");
        var body = parts.Select(part => new Rebind(part.Parameters[0], parameter).Visit(part.Body)!)
            .Aggregate((left, right) => match == RuleMatch.All ? Expression.AndAlso(left, right) : Expression.OrElse(left, right));
        return Expression.Lambda<Func<Product, bool>>(body, parameter);
    }

    private static Expression<Func<Product, bool>> Condition(RuleCondition condition, IReadOnlyDictionary<Guid, List<Guid>> subtrees)
    {
        var value = condition.Value;
        switch (condition.Field)
        {
            case RuleField.Tag:
                // An array overlap (&&), which the GIN index on tags answers.
                List<string> tags = [value];
                return condition.Operator == RuleOperator.Equals
                    ? product => product.Tags.Any(tag => tags.Contains(tag))
                    : product => !product.Tags.Any(tag => tags.Contains(tag));
            case RuleField.Category:
                var ids = subtrees.GetValueOrDefault(Guid.Parse(value)) ?? [];
                return condition.Operator == RuleOperator.Equals
                    ? product => product.CategoryIds.Any(id => ids.Contains(id))
                    : product => !product.CategoryIds.Any(id => ids.Contains(id));
            case RuleField.Price:
                var amount = long.Parse(value, CultureInfo.InvariantCulture);
                return condition.Operator switch
                {
                    RuleOperator.LessThan => product => product.Variants.Min(variant => (long?)variant.PriceAmount) < amount,
                    RuleOperator.GreaterThan => product => product.Variants.Min(variant => (long?)variant.PriceAmount) > amount,
                    RuleOperator.NotEquals => product => product.Variants.Min(variant => (long?)variant.PriceAmount) != amount,
                    _ => product => product.Variants.Min(variant => (long?)variant.PriceAmount) == amount,
                };
            case RuleField.CompareAt:
                return value == "true"
                    ? product => product.Variants.Any(variant => variant.CompareAtPriceAmount > variant.PriceAmount)
                    : product => !product.Variants.Any(variant => variant.CompareAtPriceAmount > variant.PriceAmount);
            case RuleField.Brand:
                return Text(condition.Operator, value, product => product.Brand);
            case RuleField.ProductType:
                return Text(condition.Operator, value, product => product.ProductType);
            default:
                return Text(condition.Operator, value, product => product.Name);
        }
    }

    /// <summary>Text compared as merchants mean it, whatever the letter case; the value's LIKE wildcards are literal.</summary>
    private static Expression<Func<Product, bool>> Text(RuleOperator op, string value, Expression<Func<Product, string?>> text)
    {
        var pattern = op == RuleOperator.Contains ? "%" + LikeEscaped(value) + "%" : LikeEscaped(value);
        Expression<Func<string?, bool>> like = op == RuleOperator.NotEquals
            ? field => field == null || !EF.Functions.ILike(field, pattern, "\\")
            : field => field != null && EF.Functions.ILike(field, pattern, "\\");
        var body = new Rebind(like.Parameters[0], text.Body).Visit(like.Body)!;
        return Expression.Lambda<Func<Product, bool>>(body, text.Parameters[0]);
    }

    private static string LikeEscaped(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    public static string Name<T>(T value) where T : struct, Enum
    {
        var text = value.ToString();
        return char.ToLowerInvariant(text[0]) + text[1..];
    }

    /// <summary>Puts one expression in place of a parameter (combining lambdas into one).</summary>
    private sealed class Rebind(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
