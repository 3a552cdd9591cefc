print('built copy')
