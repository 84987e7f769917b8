using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace CoBan.Workflow.Notices;

/// <summary>
/// The open maps of the model (vars, form): any name may be asked for and a missing one is empty,
/// because process variables differ between procedures and cannot be checked when a template is saved.
/// </summary>
public sealed class LenientMap(IDictionary<string, object?> inner) : IDictionary<string, object?>
{
    public object? this[string key]
    {
        get => inner.TryGetValue(key, out var value) ? value : null;
        set => inner[key] = value;
    }

    public ICollection<string> Keys => inner.Keys;
    public ICollection<object?> Values => inner.Values;
    public int Count => inner.Count;
    public bool IsReadOnly => false;
    public bool ContainsKey(string key) => true;
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        value = inner.TryGetValue(key, out var v) ? v : null;
        return true;
    }
    public void Add(string key, object? value) => inner.Add(key, value);
    public void Add(KeyValuePair<string, object?> item) => inner.Add(item);
    public void Clear() => inner.Clear();
    public bool Contains(KeyValuePair<string, object?> item) => inner.Contains(item);
    public void CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) => inner.CopyTo(array, arrayIndex);
    public bool Remove(string key) => inner.Remove(key);
    public bool Remove(KeyValuePair<string, object?> item) => inner.Remove(item);
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => inner.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
