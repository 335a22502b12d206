using GraphQL.DataLoader;

namespace UnifiedCommerce.Subgraph;

/// <summary>
/// Per-request batch loaders on GraphQL.NET's deferred results: every key asked for while a level of the query
/// is resolved is fetched in one query when the first result is awaited. This keeps `_entities` and nested
/// lists at one database query per type instead of one per item.
/// </summary>
public sealed class BatchLoaders : IDisposable
{
    private readonly Dictionary<string, object> _loaders = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public IDataLoaderResult<TValue?> Load<TKey, TValue>(
        string name,
        TKey key,
        Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch,
        CancellationToken cancellationToken,
        TValue? whenMissing = default)
        where TKey : notnull
    {
        BatchLoader<TKey, TValue> loader;
        lock (_gate)
        {
            if (!_loaders.TryGetValue(name, out var existing))
            {
                existing = new BatchLoader<TKey, TValue>(fetch);
                _loaders[name] = existing;
            }

            loader = (BatchLoader<TKey, TValue>)existing;
        }

        return loader.Load(key, whenMissing, cancellationToken);
    }

    public void Dispose()
    {
        foreach (var loader in _loaders.Values.OfType<IDisposable>())
        {
            loader.Dispose();
        }
    }
}

internal sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    : IDisposable
    where TKey : notnull
{
    public void Dispose() => _gate.Dispose();

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<TKey> _pending = [];
    private readonly Dictionary<TKey, TValue> _loaded = [];
    private readonly HashSet<TKey> _missing = [];

    public IDataLoaderResult<TValue?> Load(TKey key, TValue? whenMissing, CancellationToken cancellationToken)
    {
        lock (_pending)
        {
            if (!_loaded.ContainsKey(key) && !_missing.Contains(key))
            {
                _pending.Add(key);
            }
        }

        return new DeferredResult(this, key, whenMissing, cancellationToken);
    }

    private async Task<TValue?> ResolveAsync(TKey key, TValue? whenMissing, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            TKey[] batch;
            lock (_pending)
            {
                batch = [.. _pending];
                _pending.Clear();
            }

            if (batch.Length > 0)
            {
                var found = await fetch(batch, cancellationToken);
                foreach (var wanted in batch)
                {
                    if (found.TryGetValue(wanted, out var value))
                    {
                        _loaded[wanted] = value;
                    }
                    else
                    {
                        _missing.Add(wanted);
                    }
                }
            }

            return _loaded.TryGetValue(key, out var result) ? result : whenMissing;
        }
        finally
        {
            _gate.Release();
        }
    }

    private sealed class DeferredResult(BatchLoader<TKey, TValue> loader, TKey key, TValue? whenMissing, CancellationToken cancellationToken)
        : IDataLoaderResult<TValue?>
    {
        public Task<TValue?> GetResultAsync(CancellationToken token = default) =>
            loader.ResolveAsync(key, whenMissing, token == default ? cancellationToken : token);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken token) => await GetResultAsync(token);
    }
}
