using Xunit;
using Xunit.Abstractions;

namespace UnifiedCommerce.TestSupport;

/// <summary>
/// Runs the shared collections (a [CollectionDefinition] whose classes share one platform, and so run one after
/// another) before the classes that run alone: the longest serial work starts first and the short classes fill
/// the other core beside it, instead of a long collection starting last and running on its own at the end.
/// Every integration test project uses it (tests/Directory.Build.props).
/// </summary>
public sealed class SharedCollectionsFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(collection => collection.CollectionDefinition is null).ThenBy(collection => collection.DisplayName, StringComparer.Ordinal);
}
