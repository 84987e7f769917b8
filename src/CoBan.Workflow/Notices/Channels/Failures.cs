using System.Net.Sockets;

namespace CoBan.Workflow.Notices;

/// <summary>Tells "the request never left" from "the request may have arrived".</summary>
internal static class Failures
{
    /// <summary>A connection that was never made: nothing can have been sent.</summary>
    public static bool NeverConnected(Exception e)
    {
        for (var x = (Exception?)e; x is not null; x = x.InnerException)
            if (x is SocketException s && s.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable
                    or SocketError.NetworkUnreachable or SocketError.TryAgain or SocketError.NoData or SocketError.AddressNotAvailable)
                return true;
        return false;
    }

    public static string Describe(Exception e)
    {
        var messages = new List<string>();
        for (var x = (Exception?)e; x is not null && messages.Count < 3; x = x.InnerException) messages.Add(x.Message);
        return string.Join(" → ", messages.Distinct());
    }
}
