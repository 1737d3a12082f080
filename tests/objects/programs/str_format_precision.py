def main() -> None:
    s = "xyzzy"
    e = "héllo wörld"
    n = 2
    print(f"{s:.3}|{s:>6.2}|{s:*^9.4}|{s:.0}|{s:.10}|{e:.4}|{e:<8.3}|")
    print("{:.1}".format(s), "%.2s" % s, f"{chr(65):.0}|{chr(66):3.1}|{chr(67):.0}")
    t = f"{e:.5}"
    print(t, len(t), [f"{w:.2}" for w in s.split("z")])


if __name__ == "__main__":
    main()
