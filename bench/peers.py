"""Peers for the benchmark: read the same TSV, count co-author pairs, run community detection
(python-igraph multilevel or networkx louvain)."""
import csv, json, resource, sys, time
from collections import defaultdict

def main(tool, path):
    t0 = time.perf_counter()
    index, pairs = {}, defaultdict(int)
    csv.field_size_limit(1 << 30)
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f, delimiter="\t")
        header = next(reader)
        col = header.index("authors")
        for row in reader:
            ids = sorted({index.setdefault(a.strip(), len(index)) for a in row[col].split(";") if a.strip()})
            if len(ids) > 500:
                continue  # the same max-authors guard as coauthor-graph's default
            for i in range(len(ids)):
                for j in range(i + 1, len(ids)):
                    pairs[(ids[i], ids[j])] += 1
    t1 = time.perf_counter()
    if tool == "igraph":
        import igraph as ig
        g = ig.Graph(n=len(index), edges=list(pairs.keys()), directed=False)
        g.es["weight"] = list(pairs.values())
        t2 = time.perf_counter()
        comm = g.community_multilevel(weights="weight")
        count, modularity = len(comm), comm.modularity
    else:
        import networkx as nx
        g = nx.Graph()
        g.add_nodes_from(range(len(index)))
        g.add_weighted_edges_from((a, b, w) for (a, b), w in pairs.items())
        t2 = time.perf_counter()
        comm = nx.community.louvain_communities(g, weight="weight", seed=42)
        count, modularity = len(comm), nx.community.modularity(g, comm, weight="weight")
    t3 = time.perf_counter()
    print(json.dumps({"tool": tool, "authors": len(index), "ties": len(pairs), "read_pairs": t1 - t0, "build": t2 - t1,
                      "communities": t3 - t2, "total": t3 - t0, "modularity": modularity, "groups": count,
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
