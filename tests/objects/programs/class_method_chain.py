"""Methods that return self build a value step by step."""


class Query:
    def __init__(self, table: str) -> None:
        self.table = table
        self.conds: list[str] = []
        self.lim = -1

    def where(self, cond: str) -> "Query":
        self.conds.append(cond)
        return self

    def limit(self, n: int) -> "Query":
        self.lim = n
        return self

    def sql(self) -> str:
        s = "SELECT * FROM " + self.table
        if self.conds:
            s += " WHERE " + " AND ".join(self.conds)
        if self.lim >= 0:
            s += f" LIMIT {self.lim}"
        return s


def main() -> None:
    print(Query("users").sql())
    print(Query("users").where("age > 3").where("name = 'é'").limit(10).sql())


if __name__ == "__main__":
    main()
