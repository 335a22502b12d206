using UnifiedCommerce.Catalog.Application;
using UnifiedCommerce.Catalog.Domain;
using UnifiedCommerce.ServiceDefaults.Http;
using Xunit;

namespace UnifiedCommerce.Catalog.UnitTests;

public sealed class CollectionRulesTests
{
    private static IDictionary<string, string[]> ErrorsOf(params RuleConditionInput[] conditions)
    {
        var errors = new FieldErrors();
        CollectionRules.Validate("rules", new CollectionRulesInput(RuleMatch.All, conditions), errors);
        return Assert.Throws<RequestValidationException>(errors.ThrowIfAny).Errors;
    }

    private static List<RuleCondition> Valid(params RuleConditionInput[] conditions)
    {
        var errors = new FieldErrors();
        var result = CollectionRules.Validate("rules", new CollectionRulesInput(RuleMatch.Any, conditions), errors);
        errors.ThrowIfAny();
        return result;
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("12.50")]
    [InlineData("ten")]
    [InlineData("10000000000000")]
    [InlineData("")]
    public void A_price_condition_needs_a_non_negative_whole_number_of_minor_units(string value) =>
        Assert.Contains("rules.conditions[0].value", ErrorsOf(new RuleConditionInput(RuleField.Price, RuleOperator.LessThan, value)).Keys);

    [Fact]
    public void Each_field_takes_only_the_operators_that_fit_it()
    {
        Assert.Contains("rules.conditions[0].operator", ErrorsOf(new RuleConditionInput(RuleField.Tag, RuleOperator.LessThan, "summer")).Keys);
        Assert.Contains("rules.conditions[0].operator", ErrorsOf(new RuleConditionInput(RuleField.Title, RuleOperator.GreaterThan, "a")).Keys);
        Assert.Contains("rules.conditions[0].operator", ErrorsOf(new RuleConditionInput(RuleField.Price, RuleOperator.Contains, "100")).Keys);
    }

    [Fact]
    public void Values_are_normalised_as_the_catalog_stores_them()
    {
        var conditions = Valid(
            new RuleConditionInput(RuleField.Tag, RuleOperator.Equals, "  Summer   Sale "),
            new RuleConditionInput(RuleField.Price, RuleOperator.GreaterThan, "2500"),
            new RuleConditionInput(RuleField.CompareAt, RuleOperator.Equals, "true"));

        Assert.Equal(["summer sale", "2500", "true"], conditions.Select(c => c.Value));
    }

    [Fact]
    public void Compare_at_is_true_or_false_and_category_is_an_id()
    {
        Assert.Contains("rules.conditions[0].value", ErrorsOf(new RuleConditionInput(RuleField.CompareAt, RuleOperator.Equals, "yes")).Keys);
        Assert.Contains("rules.conditions[0].value", ErrorsOf(new RuleConditionInput(RuleField.Category, RuleOperator.Equals, "shirts")).Keys);
    }

    [Fact]
    public void A_rule_collection_has_one_to_twenty_conditions_and_no_control_characters()
    {
        Assert.Contains("rules.conditions", ErrorsOf().Keys);
        var many = Enumerable.Range(0, 21).Select(i => new RuleConditionInput(RuleField.Tag, RuleOperator.Equals, $"t{i}")).ToArray();
        Assert.Contains("rules.conditions", ErrorsOf(many).Keys);
        Assert.Contains("rules.conditions[0].value", ErrorsOf(new RuleConditionInput(RuleField.Brand, RuleOperator.Equals, "a\0b")).Keys);
    }
}
