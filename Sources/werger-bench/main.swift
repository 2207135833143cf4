import CICU
import WergerKit
print("bench")
