using System.Security.Claims;
using CoBan.Workflow.Runtime;

namespace CoBan.Workflow.Identity;

/// <summary>The signed-in caller as the features need it: id, name, bureau, roles, and where they came from.</summary>
public sealed class CurrentUser(IHttpContextAccessor http)
{
    public const string BureauClaim = "coban:bureau";
    public const string DisplayNameClaim = "coban:displayName";

    private ClaimsPrincipal Principal => http.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;
    public string? Id => Principal.FindFirstValue(ClaimTypes.NameIdentifier);
    public string UserName => Principal.FindFirstValue(ClaimTypes.Name) ?? "";
    public string DisplayName => Principal.FindFirstValue(DisplayNameClaim) ?? UserName;
    public long BureauId => long.TryParse(Principal.FindFirstValue(BureauClaim), out var id) ? id : 0;
    public bool IsIn(string role) => Principal.IsInRole(role);
    public bool IsAnyOf(params string[] roles) => roles.Any(Principal.IsInRole);
    public IEnumerable<string> Roles => Principal.FindAll(ClaimTypes.Role).Select(c => c.Value);

    public string? Ip => http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public Actor Actor => IsAuthenticated ? new Actor(Id, DisplayName, Ip, BureauId) : Actor.System;
}
