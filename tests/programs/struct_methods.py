from pythos.lang import struct, u32, i32, u64


@struct
class Counter:
    value: u32
    step: u32
    wraps: u32

    def tick(self) -> None:
        old = self.value
        self.value += self.step
        if self.value < old:
            self.wraps += 1

    def tick_n(self, n: int) -> u32:
        for i in range(n):
            self.tick()
        return self.value

    def reset(self, step: u32 = u32(1)) -> None:
        self.value = u32(0)
        self.step = u32(step)
        self.wraps = u32(0)

    def total(self) -> u64:
        return (u64(self.wraps) << 32) + u64(self.value)


@struct
class Frac:
    num: i32
    den: i32

    def gcd(self, a: i32, b: i32) -> i32:
        if a < 0:
            a = -a
        if b < 0:
            b = -b
        while b:
            t = a % b
            a = b
            b = t
        return a

    def normalize(self) -> None:
        g = self.gcd(self.num, self.den)
        if g > 1:
            self.num //= g
            self.den //= g
        if self.den < 0:
            self.num = -self.num
            self.den = -self.den

    def add(self, num: i32, den: i32) -> None:
        self.num = self.num * den + num * self.den
        self.den = self.den * den
        self.normalize()

    def mul(self, num: i32, den: i32) -> None:
        self.num *= num
        self.den *= den
        self.normalize()

    def show(self) -> None:
        print(f"{self.num}/{self.den}")


def main() -> None:
    c = Counter(4000000000, 100000000, 0)
    for i in range(5):
        c.tick()
        print("value", c.value, "wraps", c.wraps, "total", c.total())
    print("tick_n", c.tick_n(100), c.wraps, c.total())
    c.reset()
    print("after reset", c.value, c.step, c.wraps)
    c.reset(u32(7))
    print("tick_n 7s", c.tick_n(6))
    # harmonic numbers as fractions
    h = Frac(0, 1)
    for k in range(1, 11):
        h.add(i32(1), i32(k))
        h.show()
    f = Frac(6, -8)
    f.normalize()
    f.show()
    g = Frac(-3, 4)
    g.mul(i32(-8), i32(9))
    g.show()
    print("gcd method", f.gcd(i32(-48), i32(36)))


if __name__ == "__main__":
    main()
