using Microsoft.EntityFrameworkCore;

namespace CoBan.Workflow.Kernel;

/// <summary>
/// The page a list endpoint was asked for: <c>?page=</c> (from 1) and <c>?pageSize=</c> (1 to <see cref="MaxSize"/>,
/// default <see cref="DefaultSize"/>). Nothing is cut silently: every paged answer says how many rows there are in all.
/// </summary>
public sealed record PageRequest(int Page, int PageSize)
{
    public const int DefaultSize = 500;
    public const int MaxSize = 1000;

    /// <summary>Everything on one page (for the server-rendered pages, which show a whole list).</summary>
    public static readonly PageRequest All = new(1, int.MaxValue);

    public int Skip => (int)Math.Min(int.MaxValue, (long)(Page - 1) * PageSize);

    public static PageRequest From(int? page, int? pageSize)
    {
        if (page is < 1)
            throw CoBanException.BadRequest("bad-page", $"page 应从 1 开始，而不是 {page}", $"page starts at 1, not {page}");
        if (pageSize is < 1 or > MaxSize)
            throw CoBanException.BadRequest("bad-page-size", $"pageSize 应在 1 到 {MaxSize} 之间，而不是 {pageSize}", $"pageSize must be 1 to {MaxSize}, not {pageSize}");
        return new PageRequest(page ?? 1, pageSize ?? DefaultSize);
    }
}

/// <summary>One page of a list and how many rows the list has in all.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public static Paged<T> Of(IEnumerable<T> all, PageRequest request)
    {
        var list = all as IReadOnlyCollection<T> ?? all.ToList();
        return new Paged<T>(list.Skip(request.Skip).Take(request.PageSize).ToList(), list.Count, request.Page, request.PageSize);
    }
}

public static class Paging
{
    /// <summary>A page of an ordered query, with the total count (one COUNT, one page query).</summary>
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> ordered, PageRequest request, CancellationToken ct)
    {
        var total = await ordered.CountAsync(ct);
        var items = request.Skip >= total ? [] : await ordered.Skip(request.Skip).Take(request.PageSize).ToListAsync(ct);
        return new Paged<T>(items, total, request.Page, request.PageSize);
    }

    public static Paged<TOut> Select<TIn, TOut>(this Paged<TIn> page, Func<TIn, TOut> map) =>
        new(page.Items.Select(map).ToList(), page.Total, page.Page, page.PageSize);

    /// <summary>
    /// The page's items as the body (a JSON array, as the endpoint always answered), its place in the list as headers:
    /// X-Total-Count, X-Page, X-Page-Size, and a Link to the next page when there is one.
    /// </summary>
    public static IReadOnlyList<T> Answer<T>(this Paged<T> page, HttpContext http)
    {
        var headers = http.Response.Headers;
        headers["X-Total-Count"] = page.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["X-Page"] = page.Page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["X-Page-Size"] = page.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if ((long)page.Page * page.PageSize < page.Total)
        {
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(http.Request.QueryString.Value);
            var next = query.Where(kv => kv.Key is not ("page" or "pageSize"))
                .SelectMany(kv => kv.Value.Select(v => new KeyValuePair<string, string?>(kv.Key, v)))
                .Append(new("page", (page.Page + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Append(new("pageSize", page.PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            headers.Link = $"<{Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(http.Request.Path, next)}>; rel=\"next\"";
        }
        return page.Items;
    }
}
