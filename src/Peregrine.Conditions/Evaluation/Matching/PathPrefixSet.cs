namespace Peregrine.Conditions.Evaluation.Matching;

/// <summary>
/// The set behind <c>pmatch</c>: a trie of path components. A text matches when the components
/// of some entry are a prefix of its components (<c>/opt/dir</c> matches <c>/opt/dir/x</c>, not
/// <c>/opt/dirx</c>); empty components are ignored, so slashes do not matter. An entry component
/// with <c>*</c>, <c>?</c> or <c>[</c> is matched against one text component with fnmatch;
/// exact components are tried first. A shorter entry replaces longer ones below it.
/// </summary>
internal sealed class PathPrefixSet
{
    private readonly Node _root = new();

    public PathPrefixSet(IEnumerable<byte[]> paths)
    {
        foreach (var path in paths) Add(path);
        _root.Freeze();
    }

    public bool IsMatch(ReadOnlySpan<byte> path) => _root.Match(path);

    private void Add(byte[] path)
    {
        var components = Split(path);
        var node = _root;
        if (node.IsTerminal) return;
        if (components.Count == 0)
        {
            node.MakeTerminal();
            return;
        }
        for (var i = 0; i < components.Count; i++)
        {
            var child = node.ChildFor(components[i]);
            if (child.IsTerminal) return; // a shorter entry already covers this one
            if (i == components.Count - 1) child.MakeTerminal();
            node = child;
        }
    }

    private static List<byte[]> Split(ReadOnlySpan<byte> path)
    {
        var components = new List<byte[]>();
        while (path.Length > 0)
        {
            var slash = path.IndexOf((byte)'/');
            var component = slash < 0 ? path : path[..slash];
            if (component.Length > 0) components.Add(component.ToArray());
            path = slash < 0 ? default : path[(slash + 1)..];
        }
        return components;
    }

    /// <summary>The next non-empty component of <paramref name="rest"/>, advancing past it.</summary>
    private static bool NextComponent(ref ReadOnlySpan<byte> rest, out ReadOnlySpan<byte> component)
    {
        while (rest.Length > 0 && rest[0] == '/') rest = rest[1..];
        if (rest.Length == 0)
        {
            component = default;
            return false;
        }
        var slash = rest.IndexOf((byte)'/');
        component = slash < 0 ? rest : rest[..slash];
        rest = slash < 0 ? default : rest[slash..];
        return true;
    }

    private sealed class Node
    {
        private readonly Dictionary<string, Node> _exactBuild = new(StringComparer.Ordinal);
        private readonly List<(byte[] Pattern, Node Child)> _globs = [];
        private ByteStringMap<Node>? _exact;
        private GlobPattern[] _globPatterns = [];

        /// <summary>An entry ends here: everything below matches.</summary>
        public bool IsTerminal { get; private set; }

        public void MakeTerminal()
        {
            IsTerminal = true;
            _exactBuild.Clear();
            _globs.Clear();
        }

        public Node ChildFor(byte[] component)
        {
            if (component.AsSpan().IndexOfAny("?*["u8) >= 0)
            {
                foreach (var (pattern, existing) in _globs)
                {
                    if (pattern.AsSpan().SequenceEqual(component)) return existing;
                }
                var glob = new Node();
                _globs.Add((component, glob));
                return glob;
            }
            var key = Convert.ToHexString(component);
            if (!_exactBuild.TryGetValue(key, out var child))
            {
                child = new Node();
                _exactBuild.Add(key, child);
            }
            return child;
        }

        public void Freeze()
        {
            _exact = new ByteStringMap<Node>(_exactBuild.Select(kv => new KeyValuePair<byte[], Node>(Convert.FromHexString(kv.Key), kv.Value)));
            _globPatterns = _globs.Select(g => new GlobPattern(g.Pattern, ignoreCase: false)).ToArray();
            foreach (var child in _exactBuild.Values) child.Freeze();
            foreach (var (_, child) in _globs) child.Freeze();
        }

        /// <summary>Whether some entry below this node is a component prefix of <paramref name="rest"/>.</summary>
        public bool Match(ReadOnlySpan<byte> rest)
        {
            if (IsTerminal) return true;
            if (!NextComponent(ref rest, out var component)) return false; // the text is shorter than every entry
            if (_exact!.TryGetValue(component, out var child) && child.Match(rest)) return true;
            for (var i = 0; i < _globPatterns.Length; i++)
            {
                if (_globPatterns[i].IsMatch(component) && _globs[i].Child.Match(rest)) return true;
            }
            return false;
        }
    }
}
