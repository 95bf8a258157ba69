using ApprovalFlow.Tests.Infrastructure;

namespace ApprovalFlow.Tests.MultiNode;

/// <summary>
/// The load balancer of the multi-node tests: sends each request to the next live node in turn, so that consecutive
/// requests of one user — a sign-in and what follows it — land on different nodes.
/// </summary>
public sealed class NodeBalancer
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, int> served = [];
    private WebAppProcess[] nodes = [];
    private int next;

    /// <summary>The nodes requests go to from now on.</summary>
    public void Route(params WebAppProcess[] live)
    {
        lock (gate)
        {
            nodes = live;
        }
    }

    /// <summary>How many requests each node has been sent, by name.</summary>
    public IReadOnlyDictionary<string, int> Served
    {
        get
        {
            lock (gate)
            {
                return new Dictionary<string, int>(served);
            }
        }
    }

    /// <summary>A client whose every request goes to the next node; its addresses are paths (<c>/api/inbox</c>).</summary>
    public HttpClient CreateClient() =>
        new(new Handler(this) { InnerHandler = new SocketsHttpHandler { AllowAutoRedirect = false } }) { BaseAddress = new Uri("http://cluster"), Timeout = TimeSpan.FromMinutes(2) };

    private WebAppProcess Next()
    {
        lock (gate)
        {
            var node = nodes[next++ % nodes.Length];
            served[node.Name] = served.GetValueOrDefault(node.Name) + 1;
            return node;
        }
    }

    private sealed class Handler(NodeBalancer balancer) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new Uri(balancer.Next().BaseAddress, request.RequestUri!.PathAndQuery);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
