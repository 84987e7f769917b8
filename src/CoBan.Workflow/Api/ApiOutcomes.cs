using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace CoBan.Workflow.Api;

/// <summary>
/// Declares, on every API endpoint, the refusals it can answer with, so /openapi/v1.json lists every
/// outcome and not only the success. Refusals are thrown (<see cref="CoBanException"/>) and written
/// by <see cref="ProblemHandler"/> as problem details, wherever in a handler they happen; so the
/// declaration follows from what the pipeline can refuse, not from each handler's text:
/// 400 (malformed body or parameter), 404 (something named does not exist), 422 (invalid values) and
/// 503 (database busy) anywhere; 401 and 403 where a sign-in is required; 409 (changed meanwhile) and
/// 413 (body too large) on writes; 429 where a rate limit applies. The success comes from each
/// handler's typed result. ApiOutcomesTests checks the declaration against refused requests.
/// </summary>
public static class ApiOutcomes
{
    private static readonly string[] Problem = ["application/problem+json"];

    public static TBuilder DeclaringOutcomes<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            var metadata = endpoint.Metadata;
            var declared = metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.StatusCode).ToHashSet();
            var methods = metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods).ToList();
            var writes = methods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE");
            var signedIn = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
            var limited = metadata.OfType<EnableRateLimitingAttribute>().Any();
            var statuses = new List<int> { 400, 404, 422, 503 };
            if (signedIn) statuses.AddRange([401, 403]);
            if (writes) statuses.AddRange([409, 413]);
            if (limited) statuses.Add(429);
            foreach (var status in statuses.Where(s => !declared.Contains(s)).Order())
                metadata.Add(new Refusal(status));
        });
        return builder;
    }

    private sealed class Refusal(int status) : IProducesResponseTypeMetadata
    {
        public int StatusCode => status;
        public Type? Type => typeof(ProblemDetails);
        public IEnumerable<string> ContentTypes => Problem;
        public string? Description => null;
    }
}
