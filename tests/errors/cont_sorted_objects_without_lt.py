# error: 9:14: values of type "Job" cannot be ordered (no '<' between them), so they cannot be
class Job:
    def __init__(self, pri: int) -> None:
        self.pri = pri


def main() -> None:
    jobs = [Job(2), Job(1)]
    for j in sorted(jobs):
        print(j.pri)
