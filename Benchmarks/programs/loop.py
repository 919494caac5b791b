s = 0.0
for i in range(3000000):
    s = s + i * i
print(s)
