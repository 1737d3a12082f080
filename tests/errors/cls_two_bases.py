# error: 10:12: a class has at most one base class (multiple inheritance is not supported)
class A:
    pass


class B:
    pass


class C(A, B):
    pass


def main() -> None:
    C()
